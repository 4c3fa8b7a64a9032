import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const lockSchema = z.object({
  lockfileVersion: z.number(),
  packages: z.record(
    z.string(),
    z.object({ os: z.array(z.string()).optional(), cpu: z.array(z.string()).optional() }).loose(),
  ),
});
const lock = lockSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')),
);
const paths = Object.keys(lock.packages);

/** The lock's linux-x64 packages (rollup's and esbuild's native builds, and the like). */
const linuxX64 = paths.filter((p) => {
  const entry = lock.packages[p];
  return entry?.os?.includes('linux') && entry.cpu?.includes('x64') && p.includes('linux-x64');
});

/**
 * A lock made by `npm install` over an existing node_modules keeps only this machine's
 * optional platform packages, and `npm ci` then fails on every other machine.
 */
describe('package-lock.json names every platform', () => {
  it('holds native optional packages at all (the check below has something to check)', () => {
    expect(linuxX64.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-arm64'])(
    'has the %s variant of every linux-x64 package',
    (platform) => {
      const missing = linuxX64
        .map((p) => p.slice(0, p.indexOf('linux-x64')) + platform)
        .filter((prefix) => !paths.some((p) => p.startsWith(prefix)));
      expect(missing).toEqual([]);
    },
  );
});
