import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PendingSignIns, pendingSignInMs } from '../../src/core/auth/pending-sign-ins';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function setup() {
  dir = await mkdtemp(join(tmpdir(), 'mtp-pending-'));
  let now = Date.UTC(2026, 5, 1);
  const clock = { now: () => now };
  const path = join(dir, 'mtpw-sign-in.json');
  return { path, clock, advance: (ms: number) => (now += ms) };
}

describe('pending sign-ins', () => {
  it('finishes a sign-in started by another instance (another process), once', async () => {
    const { path, clock } = await setup();
    new PendingSignIns(path, clock).add('state-one');
    const second = new PendingSignIns(path, clock);
    expect(second.take('state-one')).toBe(true);
    expect(second.take('state-one')).toBe(false);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ pending: [] });
  });

  it('refuses an unknown state and one older than ten minutes', async () => {
    const { path, clock, advance } = await setup();
    const pending = new PendingSignIns(path, clock);
    pending.add('fresh');
    pending.add('old');
    expect(pending.take('forged')).toBe(false);
    expect(pending.take(null)).toBe(false);
    advance(pendingSignInMs - 1);
    expect(pending.take('fresh')).toBe(true);
    advance(1);
    expect(pending.take('old')).toBe(false);
  });

  it('keeps the file private to the user and survives a damaged one', async () => {
    const { path, clock } = await setup();
    new PendingSignIns(path, clock).add('a-state');
    // Windows has no POSIX modes (Node reports 0o666 there): its profile folder is private instead.
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFile(path, '{not json');
    const pending = new PendingSignIns(path, clock);
    expect(pending.take('a-state')).toBe(false);
    pending.add('next');
    expect(pending.take('next')).toBe(true);
  });
});
