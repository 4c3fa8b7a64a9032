import {
  ipcContract,
  type Channel,
  type IpcEvent,
  type IpcResult,
  type ResponseOf,
} from '../../shared/ipc-contract';
import { dropGrantRequestSchema, type DropGrantResponse } from '../../shared/drop-grant';
import { toUploadError, UploadError } from '../errors/upload-error';
import type { Logger } from '../ports';
import type { AccountService } from './account-service';
import type { UnsentSequenceFinder } from './unsent-sequences';
import type { FolderWatchService } from './folder-watch-service';
import { watchStatusView } from './watched-folder';
import type { AppSettings } from './app-settings';
import type { FolderPreviewStream } from './folder-preview-stream';
import type { PathGrants } from './path-grants';
import type { QueueService } from './queue-service';
import { shapePreview } from './shape-preview';
import { shapeOptionsFromRequest, shapesByPath } from './shape-request-options';
import { settingsView as viewOfSettings } from '../settings/settings-view';

/** What only the desktop shell (or the browser harness) can do for the handlers. */
export interface AppShell {
  /** The OS folder picker; resolves with the chosen folders (none when cancelled). */
  chooseFolders(): Promise<string[]>;
  /** Opens a Strava activity page in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Asks where to save a diagnostics bundle and writes it; undefined when cancelled. Desktop only. */
  exportDiagnostics?(): Promise<string | undefined>;
  /** Opens the log folder in the OS file manager. Desktop only. */
  openLogFolder?(): Promise<void>;
  /** Restarts into a downloaded update; false when none is ready. Desktop only. */
  restartToUpdate?(): boolean;
}

/** What a shell without a desktop (the browser harness) answers to a desktop-only request. */
const desktopOnly = (): never => {
  throw new UploadError({
    kind: 'invalid-input',
    message: 'Only the desktop app can do this.',
    retryable: false,
  });
};

type Handlers = {
  [C in Channel]: (
    request: ReturnType<(typeof ipcContract)[C]['request']['parse']>,
  ) => Promise<ResponseOf<C>>;
};

/**
 * The app's behaviour behind the IPC contract, free of Electron: main registers
 * `handle` for every channel, the loopback bridge serves the same function to the
 * browser harness. Input is parsed from `unknown` here; errors come back as data.
 */
export class AppController {
  private readonly handlers: Handlers;
  private readonly hostListeners = new Set<(event: IpcEvent) => void>();

  constructor(
    private readonly deps: {
      accounts: AccountService;
      queue: QueueService;
      previews: FolderPreviewStream;
      settings: AppSettings;
      shell: AppShell;
      /** The folders the user gave the app; paths from the renderer are checked against them. */
      grants: PathGrants;
      activityUrl: (id: string) => string;
      /** Told after a sign-in or sign-out, so the queue forgets what it knew of the account. */
      onAccountsChanged?: () => void;
      /** Hears the stack of a bug (a throw that is not an UploadError); the user sees words only. */
      logger?: Logger;
      /** Finds the sequences not yet on Strava (the review offer); none without a home to look in. */
      unsent?: UnsentSequenceFinder;
      /** The watched folder of Settings (absent: nothing is watched). */
      watch?: FolderWatchService;
    },
  ) {
    const { accounts, queue, previews, settings, shell, grants } = deps;
    const settingsView = () => viewOfSettings(settings);
    // Whatever was known of the account (may it list activities?) is asked again.
    const accountChanged = <T>(answer: T): T => {
      deps.onAccountsChanged?.();
      return answer;
    };
    this.handlers = {
      'accounts:get': () => accounts.accounts(),
      'accounts:connect': async (r) =>
        accountChanged(await accounts.connect(r.service, r.method, r.extraScopes ?? [])),
      'athlete:gear': async () => ({ gear: await accounts.gear() }),
      'accounts:cancelConnect': (r) => Promise.resolve({ cancelled: accounts.cancel(r.service) }),
      'accounts:disconnect': async (r) => accountChanged(await accounts.disconnect(r.service)),
      'settings:get': settingsView,
      'settings:setStravaApp': async (r) => {
        await settings.setStravaApp(r.clientId, r.clientSecret);
        return settingsView();
      },
      'settings:set': async (r) => {
        await settings.update(r);
        return settingsView();
      },
      'folders:choose': async () => {
        // The user takes a while in the dialog: long enough for the checkers to start.
        previews.prepare();
        return { paths: await grants.grant(await shell.chooseFolders()) };
      },
      'folders:prepare': () => {
        previews.prepare();
        return Promise.resolve({});
      },
      'folders:inspect': async (r) => {
        previews.start(r.requestId, await grants.check(r.paths));
        return { requestId: r.requestId };
      },
      'sequences:findUnsent': async () => {
        const found = (await deps.unsent?.find()) ?? { roots: [], count: 0, paths: [] };
        // Main found these itself: the review's folders:inspect and queue:add may use them.
        await grants.grant(found.paths);
        return found;
      },
      'queue:get': () => queue.snapshot(),
      'queue:estimate': () => queue.estimate(),
      'watch:get': () =>
        Promise.resolve(
          deps.watch ? watchStatusView(deps.watch.status()) : { state: 'off' as const, queued: 0 },
        ),
      'update:restart': () => Promise.resolve({ restarting: shell.restartToUpdate?.() ?? false }),
      'queue:add': async (r) =>
        queue.add(
          await grants.check(r.paths),
          r.createMtpw,
          await shapesByPath(r.shaping ?? [], (paths) => grants.check(paths)),
        ),
      'folders:shapePreview': async (r) => {
        const [folder] = await grants.check([r.path]);
        return shapePreview(folder ?? r.path, shapeOptionsFromRequest(r.shape));
      },
      'queue:retry': (r) => queue.retry(r.id),
      'queue:remove': (r) => queue.remove(r.id),
      'shell:openActivity': async (r) => {
        await shell.openExternal(deps.activityUrl(r.activityId));
        return { opened: true };
      },
      'support:exportDiagnostics': async () => {
        const path = shell.exportDiagnostics ? await shell.exportDiagnostics() : desktopOnly();
        return path ? { saved: true, path } : { saved: false };
      },
      'support:openLogFolder': async () => {
        if (shell.openLogFolder) await shell.openLogFolder();
        else desktopOnly();
        return { opened: true };
      },
    };
  }

  /** Handles one call: validates the request, runs it, and returns a result, never a throw. */
  async handle(channel: string, request: unknown): Promise<IpcResult<unknown>> {
    if (!Object.hasOwn(ipcContract, channel))
      return failure(
        new UploadError({
          kind: 'invalid-input',
          message: 'Unknown request.',
          retryable: false,
          detail: channel.slice(0, 80),
        }),
      );
    const name = channel as Channel;
    // A call without arguments sends undefined; anything else must match the schema as it is.
    const parsed = ipcContract[name].request.safeParse(request === undefined ? {} : request);
    if (!parsed.success) {
      return failure(
        new UploadError({
          kind: 'invalid-input',
          message: 'The request was not valid.',
          retryable: false,
          detail: parsed.error.issues
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')
            .slice(0, 500),
        }),
      );
    }
    try {
      const handler = this.handlers[name] as (r: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (!(error instanceof UploadError))
        this.deps.logger?.warn('A request failed with a bug.', {
          channel: name,
          stack: error instanceof Error ? error.stack : String(error),
        });
      return failure(
        toUploadError(error, {
          // Anything but an UploadError is a bug in the app: retrying would repeat it.
          kind: 'internal',
          message:
            'Something went wrong inside the app. Please try again, or send the diagnostics.',
          retryable: false,
        }),
      );
    }
  }

  /**
   * Grants the paths of a real drop, as the preload found them with
   * `webUtils.getPathForFile`. Main calls this from the preload's own channel only;
   * it is no channel of the contract, so neither `handle` nor the loopback bridge
   * reaches it.
   */
  async grantDropped(request: unknown): Promise<IpcResult<DropGrantResponse>> {
    const parsed = dropGrantRequestSchema.safeParse(request);
    if (!parsed.success)
      return failure(
        new UploadError({
          kind: 'invalid-input',
          message: 'The dropped items could not be read.',
          retryable: false,
        }),
      );
    return { ok: true, value: { paths: await this.deps.grants.grant(parsed.data.paths) } };
  }

  /** Pushes an event of the host's own (a screen to open, an update ready) to every listener. */
  announce(event: IpcEvent): void {
    for (const listener of this.hostListeners) listener(event);
  }

  /** Every pushed event: the queue's deltas (throttled), folder previews as they are made, and the host's. */
  onEvent(listener: (event: IpcEvent) => void): () => void {
    this.hostListeners.add(listener);
    const stops = [
      () => this.hostListeners.delete(listener),
      this.deps.watch?.subscribe((status) =>
        listener({ name: 'watch:changed', payload: watchStatusView(status) }),
      ) ?? (() => undefined),
      this.deps.queue.subscribe((payload) => listener({ name: 'queue:changed', payload })),
      this.deps.previews.subscribe((payload) => listener({ name: 'folders:previewed', payload })),
    ];
    return () => stops.forEach((stop) => stop());
  }
}

function failure(error: UploadError): IpcResult<never> {
  const { detail: _detail, ...words } = error.toJSON();
  // The detail may name files; it never holds secrets, but the UI only needs the words.
  return { ok: false, error: words };
}
