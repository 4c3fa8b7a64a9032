/**
 * A throwaway copy of the project for the packaging check, so the check never touches
 * the working tree's `out/` or `release/` (other tests read `out/renderer`) and can
 * plant things that must NOT be packaged: a `.env` holding a canary secret, a test, a
 * benchmark. node_modules is a symlink to the real one.
 */
import { cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A value no real setting has: finding it in the build output means a secret leaked. */
export const SECRET_CANARY = 'leak-canary-0123456789abcdef';

/** The secret under every name Vite would expose by default, and under its real name. */
export const CANARY_ENV: Record<string, string> = {
  STRAVA_CLIENT_SECRET: SECRET_CANARY,
  VITE_STRAVA_CLIENT_SECRET: SECRET_CANARY,
  MAIN_VITE_STRAVA_CLIENT_SECRET: SECRET_CANARY,
  PRELOAD_VITE_STRAVA_CLIENT_SECRET: SECRET_CANARY,
  RENDERER_VITE_STRAVA_CLIENT_SECRET: SECRET_CANARY,
};

/** Top-level entries never copied: build output, VCS, caches, and what the check plants. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  'out',
  'release',
  'dist',
  'coverage',
  'test-results',
  '.tmp',
  'tests',
  'bench',
]);

export interface TempProject {
  dir: string;
  /** Paths (relative to dir) planted by the check that must never be packaged. */
  planted: string[];
}

export async function makeTempProject(repoRoot: string): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), 'mtp-package-check-'));
  for (const entry of await readdir(repoRoot)) {
    if (NOT_COPIED.has(entry) || entry.startsWith('.env')) continue;
    await cp(join(repoRoot, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const envFile = Object.entries(CANARY_ENV)
    .map(([key, value]) => `${key}=${value}\n`)
    .join('');
  const planted: Record<string, string> = {
    '.env': envFile,
    '.env.production': envFile,
    'tests/packaging-canary.test.ts': `export const canary = '${SECRET_CANARY}';\n`,
    'bench/packaging-canary.ts': `export const canary = '${SECRET_CANARY}';\n`,
  };
  for (const [path, text] of Object.entries(planted)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, planted: Object.keys(planted) };
}
