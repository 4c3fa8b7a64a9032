import { FolderIoThread } from '../folder-io/folder-io-thread';
import { join } from 'node:path';
import type { Settings } from '../config/settings';
import { createHttpClient } from '../http/http-client';
import { MtpwClient } from '../mtpw/mtpw-client';
import { MtpwTokenStore } from '../mtpw/mtpw-token-store';
import { Journal } from '../pipeline/journal';
import { defaultPipelineOptions, type PipelineOptions } from '../pipeline/pipeline-options';
import type { Clock, Logger, SecretStore, StateStore } from '../ports';
import type { OnSecret } from '../secrets/json-secret';
import { AccountService, type SignInHost } from './account-service';
import { AppController, type AppShell } from './app-controller';
import { AppSettings } from './app-settings';
import { FolderPreviewStream } from './folder-preview-stream';
import { PathGrants } from './path-grants';
import { PreviewPool } from './preview-pool';
import { QueueService } from './queue-service';
import { StravaProvider } from './strava-provider';
import { followWatchedFolder } from './watched-folder';
import { UnsentSequenceFinder } from './unsent-sequences';
import { stravaSiteRoot } from '../settings/effective-settings';

/** Everything the app needs from its host: stores, shell, sign-in windows. */
export interface AppDeps {
  settings: Settings;
  secrets: SecretStore;
  state: StateStore;
  shell: AppShell;
  signIn: SignInHost;
  clock: Clock;
  logger: Logger;
  workDir: string;
  /** The journal file, in the state folder (the old journal in `state` moves there on first open). */
  journalPath: string;
  pipelineOptions?: Partial<PipelineOptions>;
  onBatchFinished?: (summary: { done: number; failed: number }) => void;
  /** Hears every client secret and token as soon as it is known (the host's Redactor.remember). */
  onSecret?: OnSecret;
  /**
   * A development build (Electron's `!app.isPackaged`, the browser harness): only then
   * may Settings point the hosts at plain-http loopback addresses (the simulator).
   */
  development?: boolean;
  /** The built preview worker (the app's bundle); from source, the one next to the pool. */
  previewWorkerUrl?: URL;
  /** The built folder worker (the app's bundle); from source, the one next to FolderIoThread. */
  folderWorkerUrl?: URL;
  /** The user's home (os.homedir() in the app; a fake one in tests): the review looks in its MTP/sequences. */
  home?: string;
  /** How long a watched folder's new files must keep their sizes (5 s; tests pass less). */
  watchStableMs?: number;
}

/** The composition root shared by Electron's main process and the browser harness. */
export function createApp(deps: AppDeps): {
  controller: AppController;
  queue: QueueService;
  grants: PathGrants;
  /** The user's settings (the host reads e.g. `batchNotifications` when a batch ends). */
  settings: AppSettings;
} {
  const http = createHttpClient();
  const settings = new AppSettings(deps.settings, deps.state, deps.secrets, {
    development: deps.development ?? false,
    logger: deps.logger,
  });
  const strava = new StravaProvider({
    http,
    settings,
    secrets: deps.secrets,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.onSecret ? { onSecret: deps.onSecret } : {}),
  });
  // Registered first: the clients are rebuilt before anyone else hears of a change.
  settings.onChange(() => strava.refresh());
  const mtpwTokens = new MtpwTokenStore(deps.secrets, deps.onSecret);
  let mtpw: { baseUrl: string; client: MtpwClient } | undefined;
  const mtpwClient = () => {
    const { baseUrl } = settings.settings.mtpw;
    if (mtpw?.baseUrl !== baseUrl)
      mtpw = { baseUrl, client: new MtpwClient(http, baseUrl, mtpwTokens) };
    return mtpw.client;
  };
  const activityUrl = (id: string) => `${stravaSiteRoot(settings.settings)}/activities/${id}`;
  const journal = Journal.open({ path: deps.journalPath, legacy: deps.state, logger: deps.logger });
  // A folder already in the journal was granted when it was queued (Retry, resume after a restart).
  const grants = new PathGrants(() => journal.all().map((item) => item.folder));
  const queue = new QueueService({
    strava,
    mtpw: mtpwClient,
    settings,
    mtpwTokens,
    journal,
    clock: deps.clock,
    logger: deps.logger,
    workDir: deps.workDir,
    options: { ...defaultPipelineOptions, ...deps.pipelineOptions },
    folderIo: new FolderIoThread(deps.folderWorkerUrl ? { workerUrl: deps.folderWorkerUrl } : {}),
    activityUrl,
    ...(deps.onBatchFinished ? { onBatchFinished: deps.onBatchFinished } : {}),
  });
  const accounts = new AccountService({
    strava,
    settings,
    mtpwTokens,
    host: deps.signIn,
    clock: deps.clock,
  });
  const pool = new PreviewPool(deps.previewWorkerUrl ? { workerUrl: deps.previewWorkerUrl } : {});
  const home = deps.home;
  const unsent = new UnsentSequenceFinder({
    roots: () => [
      ...(home ? [join(home, 'MTP', 'sequences')] : []),
      settings.user().watchedFolder ?? undefined,
    ],
    known: () =>
      journal.all().flatMap((item) => [item.folder, ...(item.parts ?? []).map((p) => p.folder)]),
    isDone: (folder) => pool.isDone(folder),
  });
  const watch = followWatchedFolder({
    settings,
    queue,
    journal,
    logger: deps.logger,
    ...(deps.watchStableMs !== undefined ? { stableMs: deps.watchStableMs } : {}),
  });
  const controller = new AppController({
    accounts,
    queue,
    previews: new FolderPreviewStream(pool),
    settings,
    shell: deps.shell,
    grants,
    activityUrl,
    onAccountsChanged: () => strava.accountChanged(),
    logger: deps.logger,
    unsent,
    watch,
  });
  return { controller, queue, grants, settings };
}
