import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A case the app must refuse, before anything is sent, with a clear message. */
export interface RefusedExpect {
  accepted?: false;
  /** The file (or folder) name the message must name, as the message quotes it. */
  file?: string;
  /** The specific problem, in words. */
  says: RegExp;
}

/** A case that is odd but fine: it must upload. */
export interface AcceptedExpect {
  accepted: true;
  /** A warning the preview must show, when the track is odd. */
  says?: RegExp;
}

/** What the app must make of a case. */
export type CorpusExpect = RefusedExpect | AcceptedExpect;

/** A case written to disk: the path to drop on the app and what must come of it. */
export interface CorpusMade {
  path: string;
  expect: CorpusExpect;
}

/** One named bad (or awkward but acceptable) input. */
export interface CorpusCase {
  name: string;
  /** Creates the case's one folder (or path) under `parent`, which it has to itself. */
  make(parent: string): Promise<CorpusMade>;
  /** File modes make the case: as root it is checked in a child process run as `nobody`. */
  unprivileged?: true;
  /** A known gap in the product: the case fails today, for the reason given. */
  knownGap?: string;
}

/** A generated case. */
export interface CorpusEntry extends CorpusMade {
  name: string;
}

/** The file-content strings that must never appear in a message (read from outside, or expanded). */
export const neverSaid = ['root:', 'daemon:', 'lollol'];

/** Creates `parent/name/` holding `files`, and returns its path. */
export async function folderWith(
  parent: string,
  name: string,
  files: Record<string, string | Buffer> = {},
): Promise<string> {
  const folder = join(parent, name);
  await mkdir(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(folder, file), content);
  return folder;
}

/** A plain folder `parent/name/` holding one track, `name.gpx`. */
export async function plainTrack(
  parent: string,
  name: string,
  gpx: string | Buffer,
): Promise<string> {
  return folderWith(parent, name, { [`${name}.gpx`]: gpx });
}

/** A start time of its own for each name, so no two accepted tracks look like duplicates to Strava. */
export function startFor(name: string): number {
  const n = createHash('sha256').update(name).digest().readUInt32BE(0);
  return Date.UTC(2019, 0, 1, 6) + (n % 500_000) * 60_000;
}

/** Deterministic bytes (mulberry32): the corpus is the same on every run. */
export function seededBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}
