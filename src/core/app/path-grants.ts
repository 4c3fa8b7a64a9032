import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UploadError } from '../errors/upload-error';

/**
 * The real place a path names: `..` resolved, and every symlink of the part that
 * exists followed, so neither can lead out of a granted folder. The part that does
 * not exist yet is kept as written under its nearest existing parent.
 */
async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(await realpath(existing), ...missing.reverse());
    } catch {
      const parent = dirname(existing);
      // The root cannot be resolved (unreadable, a missing drive): take the path as resolved.
      if (parent === existing) return absolute;
      missing.push(basename(existing));
      existing = parent;
    }
  }
}

const within = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The folders the user gave the app: those chosen in the folder dialog, those of a
 * real drop (resolved by the preload, granted by main), and those main finds itself
 * (a watched folder). A path the renderer sends is taken only when it is one of
 * them or lies inside one, or is already in the journal (Retry, resume). So a
 * compromised renderer cannot make main list, read or write anywhere else.
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  /** @param known the folders already in the journal: these were granted when they were queued. */
  constructor(private readonly known: () => Iterable<string> = () => []) {}

  /** Grants these paths (and everything inside them); answers them as they were given, resolved. */
  async grant(paths: readonly string[]): Promise<string[]> {
    for (const path of paths) this.granted.add(await canonical(path));
    return paths.map((p) => resolve(p));
  }

  /** Whether the app may open `path`: granted, inside a granted folder, or in the journal. */
  async allows(path: string, known: ReadonlySet<string> = new Set(this.known())): Promise<boolean> {
    if (known.has(resolve(path))) return true;
    const real = await canonical(path);
    for (const folder of this.granted) if (within(real, folder)) return true;
    return false;
  }

  /**
   * The paths, resolved, when every one is allowed; otherwise an `invalid-input`
   * error that names none of them (the renderer asking may not be the user).
   */
  async check(paths: readonly string[]): Promise<string[]> {
    const known = new Set(this.known());
    let refused = 0;
    for (const path of paths) if (!(await this.allows(path, known))) refused += 1;
    if (refused > 0)
      throw new UploadError({
        kind: 'invalid-input',
        message:
          refused === 1 && paths.length === 1
            ? 'The app may only open folders you chose or dropped on the window. Choose this folder again, or drop it.'
            : `The app may only open folders you chose or dropped on the window; ${refused} of these were not. Choose them again, or drop them.`,
        retryable: false,
        detail: `${refused} of ${paths.length} paths not granted`,
      });
    return paths.map((p) => resolve(p));
  }
}
