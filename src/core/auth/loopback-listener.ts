import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UploadError } from '../errors/upload-error';
import { judgeLoopbackRequest, type LoopbackVerdict } from './loopback-request';

/** A one-shot listener waiting for the sign-in redirect on 127.0.0.1. */
export interface LoopbackListener {
  /** The redirect URI to register in the authorize URL. */
  redirectUri: string;
  /** Resolves with the first redirect to the path carrying our `state`; rejects on timeout or abort. */
  redirect: Promise<URL>;
  close(): Promise<void>;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`;

const refusals: Record<Exclude<LoopbackVerdict['kind'], 'redirect'>, [number, string]> = {
  'bad-request': [400, 'Bad request'],
  'not-found': [404, 'Not found'],
  'wrong-state': [400, 'This sign-in link is not from this app.'],
};

/**
 * Starts the RFC 8252 loopback listener for "Sign in with your browser": bound to
 * 127.0.0.1 on a random port, it takes exactly one redirect, the one carrying
 * `state`, answers with a small "you can close this tab" page and closes. Any other
 * local process can reach the port, so everything else (another path, a forged or
 * missing `state`, a target or Host that does not parse) is answered 400 or 404 and
 * the listener keeps waiting.
 */
export async function startLoopbackListener(options: {
  path: string;
  /** The `state` of the authorize URL this listener serves. */
  state: string;
  timeoutMs: number;
  signal?: AbortSignal;
  hint?: string;
}): Promise<LoopbackListener> {
  let settle: { resolve: (url: URL) => void; reject: (error: UploadError) => void } | undefined;
  const redirect = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const verdict = settle
      ? judgeLoopbackRequest(
          { method: req.method, target: req.url, host: req.headers.host },
          { origin, path: options.path, state: options.state },
        )
      : ({ kind: 'not-found' } as const);
    if (verdict.kind !== 'redirect') {
      const [status, text] = refusals[verdict.kind];
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
      return;
    }
    const failed = verdict.url.searchParams.has('error');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      failed
        ? page('Sign-in not completed', 'You can close this tab and return to the app.')
        : page('Signed in', 'You can close this tab and return to the app.'),
    );
    const done = settle;
    settle = undefined;
    done?.resolve(verdict.url);
    void close();
  });
  // A request Node's parser cannot read (garbage bytes, no Host): answer 400, keep the server.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  const fail = (error: UploadError) => {
    const done = settle;
    settle = undefined;
    done?.reject(error);
    void close();
  };
  const timer = setTimeout(
    () =>
      fail(
        new UploadError({
          kind: 'timeout',
          message: `No sign-in arrived in time. ${options.hint ?? ''}`.trim(),
          retryable: true,
        }),
      ),
    options.timeoutMs,
  );
  const onAbort = () =>
    fail(new UploadError({ kind: 'cancelled', message: 'Sign-in cancelled.', retryable: true }));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return { redirectUri: `${origin}${options.path}`, redirect, close };
}
