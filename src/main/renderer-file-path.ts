import { isAbsolute, join, relative, sep } from 'node:path';

/** The scheme and host the renderer is served from: `app://renderer/index.html`. */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/** The file an `app://` request names inside the renderer folder, or the status that refuses it. */
export type RendererFileLookup = { ok: true; path: string } | { ok: false; status: 400 | 404 };

/**
 * Resolves an `app://renderer/…` request URL to a file under `rendererDir`, or
 * refuses it. Pure, so the refusals are tested without Electron. The URL parser
 * already folds `..` and `%2e%2e`; what it leaves encoded (`%2f`, `%5c`, `%00`,
 * `..%2f..`) is decoded per segment here and refused when it could climb out or
 * name something other than a plain file name. The caller still checks that the
 * real path (after symlinks) stays inside the folder.
 */
export function resolveRendererFile(rawUrl: string, rendererDir: string): RendererFileLookup {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (
    url.protocol !== `${appScheme}:` ||
    url.host !== appHost ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return { ok: false, status: 400 };
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').filter((s) => s !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { ok: false, status: 400 };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const path = join(rendererDir, ...segments);
  return isInside(rendererDir, path) ? { ok: true, path } : { ok: false, status: 400 };
}

/** True when `path` is `dir` itself or below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}
