import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform, release, tmpdir, version as osVersion } from 'node:os';
import { join } from 'node:path';
import { create as createTar } from 'tar';
import type { Redactor } from '../log/redact';
import { summariseQueue, type SummarisedItem } from './queue-summary';
import { scrubSettings } from './scrub-settings';

/** What a diagnostics bundle is made of; the host (app or CLI) gathers it. */
export interface DiagnosticsInput {
  /** The `.tar.gz` to write. */
  out: string;
  /** The log folder: every file in it goes in, redacted again. */
  logDir: string;
  app: { name: string; version: string; runtime: 'app' | 'cli' };
  /** Settings of any shape: secret-named values are removed, the rest redacted. */
  settings: unknown;
  /** The queue, or why it could not be read. */
  queue: readonly SummarisedItem[] | { unavailable: string };
  /** Knows every secret the host has seen: each file passes it on the way in. */
  redactor: Redactor;
  now?: () => number;
}

/** The JSON file of the bundle. */
export const reportName = 'diagnostics.json';

/** The Electron version, or what to say in its place when this is not Electron. */
function electronVersion(runtime: 'app' | 'cli'): string {
  const version = process.versions.electron;
  if (version) return version;
  return runtime === 'cli'
    ? 'none: written by the mtp-strava command, which runs on Node without Electron'
    : 'unknown: the app is running without Electron (the browser harness)';
}

/**
 * Writes a `.tar.gz` for support: `diagnostics.json` (app, OS, Node and Electron
 * versions, the settings without secrets, the queue summary) and `logs/`. Every
 * file is passed through the Redactor once more, so a secret that reached a log
 * by some path the log writer missed still does not leave the machine. Returns
 * the paths inside the archive.
 */
export async function writeDiagnosticsBundle(input: DiagnosticsInput): Promise<string[]> {
  const now = input.now ?? Date.now;
  const stamp = new Date(now()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const top = `mtp-strava-diagnostics-${stamp}`;
  const staging = await mkdtemp(join(tmpdir(), 'mtp-diagnostics-'));
  try {
    await mkdir(join(staging, top, 'logs'), { recursive: true });
    const logs = await copyLogs(input.logDir, join(staging, top, 'logs'), input.redactor);
    const report = {
      writtenAt: new Date(now()).toISOString(),
      app: input.app,
      os: { platform: platform(), release: release(), version: osVersion(), arch: arch() },
      versions: { node: process.versions.node, electron: electronVersion(input.app.runtime) },
      settings: scrubSettings(input.settings, input.redactor),
      queue: 'unavailable' in input.queue ? input.queue : summariseQueue(input.queue),
      logs,
    };
    await writeFile(
      join(staging, top, reportName),
      input.redactor.redact(`${JSON.stringify(report, null, 2)}\n`),
    );
    await createTar({ gzip: true, file: input.out, cwd: staging, portable: true }, [top]);
    await chmod(input.out, 0o600);
    return [`${top}/${reportName}`, ...logs.map((name) => `${top}/logs/${name}`)];
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Copies the regular files of the log folder (never through a link), redacted; returns their names. */
async function copyLogs(from: string, to: string, redactor: Redactor): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(from)).sort();
  } catch {
    return [];
  }
  const copied: string[] = [];
  for (const name of names) {
    const info = await lstat(join(from, name));
    if (!info.isFile()) continue;
    const text = await readFile(join(from, name), 'utf8');
    await writeFile(join(to, name), redactor.redact(text));
    copied.push(name);
  }
  return copied;
}
