import { execFile } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/** Root reads any file whatever its mode, so a chmod-000 case means nothing to a root process. */
export const runningAsRoot = process.getuid?.() === 0;

/** The unprivileged user (`nobody`) the check runs as when the tests run as root (CI does). */
const nobody = 65534;

const resultSchema = z.object({
  preview: z.object({ problem: z.unknown().optional() }).loose(),
  item: z.record(z.string(), z.unknown()),
  uploads: z.number(),
});
/** What the preview and the pipeline made of one folder in the unprivileged child. */
export type UnprivilegedResult = z.infer<typeof resultSchema>;

/** Lets `nobody` walk down to `path` (mkdtemp makes 0700 folders). */
async function openPathTo(path: string): Promise<void> {
  const top = tmpdir();
  for (
    let dir = dirname(path);
    relative(top, dir) !== '' && !relative(top, dir).startsWith('..');
    dir = dirname(dir)
  ) {
    const { mode } = await stat(dir);
    await chmod(dir, mode | 0o005);
  }
}

/**
 * Runs the dropped-folder preview and the real pipeline on `path` in a child
 * process as `nobody`, so that file modes apply as they do for a user.
 */
export async function checkAsNobody(path: string): Promise<UnprivilegedResult> {
  await openPathTo(path);
  const child = join(import.meta.dirname, 'unprivileged-child.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, path], {
    uid: nobody,
    gid: nobody,
    env: { ...process.env, HOME: tmpdir() },
    timeout: 120_000,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return resultSchema.parse(JSON.parse(last));
}
