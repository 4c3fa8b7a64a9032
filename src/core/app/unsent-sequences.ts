import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { partName } from '../sequence/folder/sequence-parts';

/** The sequence folders of the review offer: on disk, but neither marked done nor in the journal. */
export interface UnsentSequences {
  /** The folders looked in that exist. */
  roots: string[];
  /** Sequences to offer: a sequence split into `_part_N` folders counts once. */
  count: number;
  /** Every folder of those sequences (each part folder too), sorted. */
  paths: string[];
}

/** What the finder needs from the app. */
export interface UnsentSequenceDeps {
  /** Where to look: `~/MTP/sequences` (the host's home) and the watched folder. */
  roots: () => (string | undefined)[];
  /** The folders the journal has an item for. */
  known: () => Iterable<string>;
  /** Whether a folder is marked done; answered off the main thread (the preview pool's workers). */
  isDone: (folder: string) => Promise<boolean>;
}

/** A folder holding a GPX or a sequence JSON looks like a sequence (the preview says more). */
const sequenceFile = /\.(gpx|json)$/i;
const marker = /^upload_.*\.json$/i;

/**
 * Finds the sequences the MTP Desktop Uploader left in `~/MTP/sequences` (or the
 * watched folder) that are not on Strava yet. A folder's done check reads its JSON,
 * which can be large, so it runs in a worker; its answer is kept until the folder
 * changes (a marker written by any uploader replaces a file, which changes the
 * folder's mtime), so looking again costs one stat per folder.
 */
export class UnsentSequenceFinder {
  private readonly doneCache = new Map<string, { mtimeMs: number; done: boolean }>();

  constructor(private readonly deps: UnsentSequenceDeps) {}

  /** Looks in every root now. */
  async find(): Promise<UnsentSequences> {
    const roots = [...new Set(this.deps.roots().flatMap((r) => (r ? [resolve(r)] : [])))];
    const known = new Set([...this.deps.known()].map((f) => resolve(f)));
    const found: UnsentSequences = { roots: [], count: 0, paths: [] };
    const groups = new Set<string>();
    for (const root of roots) {
      const entries = await readdir(root, { withFileTypes: true }).catch(() => undefined);
      if (!entries) continue;
      found.roots.push(root);
      const folders = entries.filter((e) => isFolder(e) && !e.name.startsWith('.'));
      const answers = await mapLimited(folders, 8, async (entry) => {
        const folder = join(root, entry.name);
        if (known.has(folder) || !(await looksLikeSequence(folder))) return undefined;
        return (await this.done(folder)) ? undefined : folder;
      });
      for (const folder of answers) {
        if (!folder) continue;
        found.paths.push(folder);
        const name = folder.slice(root.length + 1);
        groups.add(`${root}\0${(partName(name)?.base ?? name).toLowerCase()}`);
      }
    }
    found.paths.sort();
    found.count = groups.size;
    return found;
  }

  private async done(folder: string): Promise<boolean> {
    const mtimeMs = (await stat(folder).catch(() => undefined))?.mtimeMs;
    const cached = this.doneCache.get(folder);
    if (mtimeMs !== undefined && cached?.mtimeMs === mtimeMs) return cached.done;
    const done = await this.deps.isDone(folder);
    if (mtimeMs !== undefined) this.doneCache.set(folder, { mtimeMs, done });
    return done;
  }
}

const isFolder = (entry: Dirent) => entry.isDirectory() || entry.isSymbolicLink();

async function looksLikeSequence(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isFile() && sequenceFile.test(e.name) && !marker.test(e.name));
}

/** `work` over `items`, at most `limit` at a time, answers in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return out;
}
