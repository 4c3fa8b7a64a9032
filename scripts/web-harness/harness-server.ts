import { readFile, readdir, stat } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, normalize, resolve } from 'node:path';
import { createApp } from '../../src/core/app/create-app';
import { createBridge } from '../../src/core/app/loopback-bridge';
import { signInPageRefusal } from '../../src/core/auth/sign-in-refusal';
import { readSettings } from '../../src/core/config/settings';
import { UploadError } from '../../src/core/errors/upload-error';
import type { PipelineOptions } from '../../src/core/pipeline/pipeline-options';
import {
  silentLogger,
  systemClock,
  type AuthBrowser,
  type RedirectTarget,
} from '../../src/core/ports';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createJsonFileStateStore } from '../../src/core/state/json-file-state-store';
import { ipcContract, type IpcEvent } from '../../src/shared/ipc-contract';
import { bridgePageScript } from './bridge-page-script';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface HarnessOptions {
  /** The built renderer (vite.renderer.config.ts → out/web). */
  rendererDir: string;
  /** Dropped folder names resolve against this folder (a browser gives names, not paths). */
  foldersDir: string;
  env: Record<string, string | undefined>;
  stateDir: string;
  port?: number;
  pipelineOptions?: Partial<PipelineOptions>;
  /** The home the review offer looks in (its MTP/sequences); a fake one in tests, none unless given. */
  home?: string;
  /** How long a watched folder's new files must keep their sizes before they are queued. */
  watchStableMs?: number;
}

/**
 * The browser harness: serves the real renderer with `window.mtp` provided by the
 * loopback bridge, backed by the real core. Sign-in "windows" are popups of this
 * page whose Strava/MTPW requests pass through here, so the redirect is caught
 * exactly as Electron's main process catches it.
 */
export async function startHarness(options: HarnessOptions): Promise<{
  url: string;
  token: string;
  opened: string[];
  announce(event: IpcEvent): void;
  close(): Promise<void>;
}> {
  const settings = readSettings(options.env);
  const upstream = new URL(settings.strava.endpoints.oauthBase).origin;
  const opened: string[] = [];
  const pending = new Set<{
    target: RedirectTarget;
    /** The authorize page's path, so a refusal page there ends this sign-in. */
    path: string;
    resolve: (url: URL) => void;
    reject: (error: UploadError) => void;
  }>();
  let origin = '';

  const popupAuth: AuthBrowser = {
    open: (url, target, signal) =>
      new Promise<URL>((resolvePromise, reject) => {
        const entry = {
          target,
          path: url.pathname,
          resolve: (redirect: URL) => {
            pending.delete(entry);
            resolvePromise(redirect);
          },
          reject: (error: UploadError) => {
            pending.delete(entry);
            reject(error);
          },
        };
        pending.add(entry);
        signal?.addEventListener('abort', () => {
          pending.delete(entry);
          reject(
            new UploadError({ kind: 'cancelled', message: 'Sign-in cancelled.', retryable: true }),
          );
        });
        // The popup loads the sign-in page through this server, so its redirect passes here.
        bridge.broadcast({ type: 'open', url: `${origin}${url.pathname}${url.search}` });
      }),
  };
  const openExternal = (url: string) => {
    opened.push(url);
    bridge.broadcast({ type: 'open', url });
    return Promise.resolve();
  };
  const mapPaths = (paths: string[]) =>
    paths.map((p) =>
      isAbsolute(p) ? p : join(options.foldersDir, normalize(p).replace(/^(\.\.[/\\])+/, '')),
    );
  const { controller, grants } = createApp({
    settings,
    // The harness runs against the simulator on 127.0.0.1: a development host.
    development: true,
    secrets: createMemorySecretStore(),
    state: createJsonFileStateStore(options.stateDir),
    shell: {
      // No OS dialog in a browser: "Choose folders…" offers every folder of the harness's folder.
      chooseFolders: async () =>
        (await readdir(options.foldersDir, { withFileTypes: true }))
          .filter((e) => e.isDirectory())
          .map((e) => join(options.foldersDir, e.name)),
      openExternal,
    },
    signIn: { window: popupAuth, protocol: popupAuth, openExternal },
    clock: systemClock,
    logger: silentLogger,
    workDir: options.stateDir,
    journalPath: join(options.stateDir, 'journal.jsonl'),
    ...(options.home ? { home: options.home } : {}),
    ...(options.watchStableMs !== undefined ? { watchStableMs: options.watchStableMs } : {}),
    ...(options.pipelineOptions ? { pipelineOptions: options.pipelineOptions } : {}),
  });
  // A browser never gives a drop's real path, so the harness's drop is its fixtures
  // folder: the one folder it grants, as a user's drop would grant theirs. Dropped
  // names map into it; any other path the page sends is refused like a forged one.
  await grants.grant([options.foldersDir]);
  const app = {
    handle: (channel: string, request: unknown) => {
      const body = request as { paths?: unknown };
      if (
        (channel === 'folders:inspect' || channel === 'queue:add') &&
        body &&
        Array.isArray(body.paths)
      ) {
        return controller.handle(channel, {
          ...body,
          paths: mapPaths(body.paths.filter((p): p is string => typeof p === 'string')),
        });
      }
      return controller.handle(channel, request);
    },
    onEvent: (listener: Parameters<typeof controller.onEvent>[0]) => controller.onEvent(listener),
  };
  const bridge = createBridge(app, { origin: () => origin });
  const script = bridgePageScript(bridge.token).replace(
    JSON.stringify('__CHANNELS__'),
    JSON.stringify(Object.keys(ipcContract)),
  );

  const server: Server = createServer((req, res) => {
    void route(req, res).catch(() => res.writeHead(500).end());
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (bridge.handle(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/__mtp/bridge.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
        .end(script);
      return;
    }
    if (path.startsWith('/oauth/') || path.startsWith('/accounts/')) return proxy(req, res);
    await serveStatic(path, res);
  };
  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const forward = httpRequest(
      `${upstream}${req.url ?? '/'}`,
      { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } },
      (answer) => {
        const location = answer.headers.location;
        if (location) {
          const redirect = new URL(location, upstream);
          const waiting = [...pending].find((p) => p.target.matches(redirect));
          if (waiting) {
            answer.resume();
            waiting.resolve(redirect);
            res
              .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
              .end(
                '<!doctype html><title>Signed in</title><p>Signed in. You can close this window.</p><script src="/__mtp/close.js"></script>',
              );
            return;
          }
        }
        if (answer.statusCode === 403) {
          refused(new URL(req.url ?? '/', upstream), answer, res);
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  };
  // As Electron's sign-in window does (sign-in-page-watch.ts): a refusal page ends the sign-in and closes the popup.
  const refused = (url: URL, answer: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const refusal = signInPageRefusal({ url, status: 403, text });
      const waiting = [...pending].filter((p) => p.path === url.pathname);
      if (refusal) for (const entry of waiting) entry.reject(refusal);
      res
        .writeHead(403, { 'content-type': 'text/html; charset=utf-8' })
        .end(`${waiting.length > 0 ? '<script src="/__mtp/close.js"></script>' : ''}${text}`);
    });
  };
  const serveStatic = async (path: string, res: ServerResponse) => {
    if (path === '/__mtp/close.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.close();');
      return;
    }
    const file = resolve(options.rendererDir, `.${path === '/' ? '/index.html' : path}`);
    if (
      !file.startsWith(resolve(options.rendererDir)) ||
      !(await stat(file).catch(() => null))?.isFile()
    ) {
      res.writeHead(404).end('Not found');
      return;
    }
    let body: Buffer | string = await readFile(file);
    if (extname(file) === '.html') {
      // The harness page may talk to this server (the app's CSP forbids any connection), and gets window.mtp first.
      body = body
        .toString('utf8')
        .replace(/connect-src 'none'/, "connect-src 'self'")
        .replace('<head>', '<head><script src="/__mtp/bridge.js"></script>');
    }
    res
      .writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      .end(body);
  };

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    token: bridge.token,
    opened,
    /** Pushes an event as main does (an update ready, a screen to open), for tests. */
    announce: (event: IpcEvent) => controller.announce(event),
    close: () =>
      new Promise<void>((done) => {
        bridge.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
