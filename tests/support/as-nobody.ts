import { execFile } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/** Root reads any file whatever its mode, so a chmod-000 case means nothing to a root process. */
export const runningAsRoot = process.getuid?.() === 0;

/** The unprivileged user (`nobody`) such a check runs as when the tests run as root (CI does). */
const nobody = 65534;

/** The refusal refusal-child.ts prints. */
export const refusalSchema = z.object({
  kind: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});

/** Lets `nobody` walk down to `path` (mkdtemp makes 0700 folders). */
async function openPathTo(path: string): Promise<void> {
  const top = tmpdir();
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const up = relative(top, dir);
    if (up === '' || up.startsWith('..')) return;
    const { mode } = await stat(dir);
    await chmod(dir, mode | 0o005);
  }
}

/**
 * Runs `script` (a file under tests/support, through tsx) on `path` in a child
 * process as `nobody`, so file modes apply as they do for a user, and returns the
 * JSON of the last line it prints.
 */
export async function runAsNobody(
  script: string,
  path: string,
  ...args: string[]
): Promise<unknown> {
  await openPathTo(path);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, script), path, ...args],
    { uid: nobody, gid: nobody, env: { ...process.env, HOME: tmpdir() }, timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as unknown;
}
