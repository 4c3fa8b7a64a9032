import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UploadError } from '../errors/upload-error';

/** A one-shot listener waiting for the sign-in redirect on 127.0.0.1. */
export interface LoopbackListener {
  /** The redirect URI to register in the authorize URL. */
  redirectUri: string;
  /** Resolves with the first request to the redirect path; rejects on timeout or abort. */
  redirect: Promise<URL>;
  close(): Promise<void>;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Starts the RFC 8252 loopback listener for "Sign in with your browser": bound to
 * 127.0.0.1 on a random port, it takes exactly one redirect, answers with a small
 * "you can close this tab" page and closes. Anything else is answered 404.
 */
export async function startLoopbackListener(options: {
  path: string;
  timeoutMs: number;
  signal?: AbortSignal;
  hint?: string;
}): Promise<LoopbackListener> {
  let settle: { resolve: (url: URL) => void; reject: (error: UploadError) => void } | undefined;
  const redirect = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (req.method !== 'GET' || url.pathname !== options.path || !settle) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      failed
        ? page('Sign-in not completed', 'You can close this tab and return to the app.')
        : page('Signed in', 'You can close this tab and return to the app.'),
    );
    const done = settle;
    settle = undefined;
    done.resolve(url);
    void close();
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
  return { redirectUri: `http://127.0.0.1:${port}${options.path}`, redirect, close };
}
