import { readFile, realpath } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from './content-security-policy';
import { appScheme, isInside, resolveRendererFile } from './renderer-file-path';

/**
 * Declares `app:` standard and secure, which Electron allows only before `ready`:
 * the renderer gets a real origin (`app://renderer`) for `'self'` in its CSP and for
 * the sender check, and no file: privileges are needed (the fuse is off).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true } },
  ]);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Answers one `app://` request from the built renderer folder, and nothing outside
 * it: the URL must resolve inside the folder (renderer-file-path.ts), and so must
 * the file's real path, so a symlink cannot lead out either. Documents carry the CSP
 * as a header, since webRequest may not see custom-scheme responses.
 */
export async function serveRendererRequest(
  request: Pick<Request, 'url' | 'method'>,
  rendererDir: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405 });
  const lookup = resolveRendererFile(request.url, rendererDir);
  if (!lookup.ok) return new Response(null, { status: lookup.status });
  let body: Buffer;
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(lookup.path)]);
    if (!isInside(root, real)) return new Response(null, { status: 404 });
    body = await readFile(real);
  } catch {
    return new Response(null, { status: 404 });
  }
  const type = extname(lookup.path).toLowerCase();
  const headers: Record<string, string> = {
    'content-type': contentTypes[type] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  if (type === '.html') headers['content-security-policy'] = contentSecurityPolicy;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
}

/** Serves `app://renderer/…` from `rendererDir` (call once, after `ready`). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveRendererRequest(request, rendererDir));
}
