import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../src/core/errors/upload-error';
import { nextCheck } from '../../src/core/pipeline/check-schedule';
import { applyFailure } from '../../src/core/pipeline/item-failure';
import { waitForRateLimit } from '../../src/core/pipeline/item-transitions';
import { timeSlot, withTime } from '../../src/shared/timed-words';
import { fakeItem } from '../support/fake-queue';

const core = fileURLToPath(new URL('../../src/core', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );

// 14:45:10 local, whatever the zone: any clock format of it shows "45".
const at = new Date(2026, 11, 2, 14, 45, 10).getTime();
const now = at - 60_000;
/** Any way a clock time may be written: 14:45, 2:45 PM, 14.45, 14h45. */
const clockLike = /\d{1,2}\s?[:.h]\s?\d{2}|\b(?:AM|PM)\b/i;

describe('times in core’s words', () => {
  it('leave the time slot, and carry the moment as notBefore, in every wait', () => {
    const processing = { stage: 'processing' as const, polls: 9, processingSince: now - 3_600_000 };
    const slow = nextCheck(fakeItem(1, processing), now, 1_000, {
      pollStartMs: 1_000,
      pollMaxMs: 5_000,
      pollBoundMs: 30_000,
      recheckMs: 60_000,
    });
    const held = waitForRateLimit(fakeItem(2), at, now);
    const retried = applyFailure(
      fakeItem(3, { stage: 'uploading' }),
      'uploading',
      new UploadError({ kind: 'server', message: 'Strava is having trouble.', retryable: true }),
      now,
      { maxAutoRetries: 3, baseDelayMs: 60_000, jitter: 0 },
    );
    for (const item of [{ ...fakeItem(1), ...slow }, held, retried]) {
      expect(item.waitingFor).toContain(timeSlot);
      expect(item.waitingFor).not.toMatch(clockLike);
      expect(item.notBefore).toBeGreaterThan(now - 1);
    }
    expect(held.waitingFor).toBe(`Waiting for Strava's rate limit; going on at ${timeSlot}`);
    expect(retried.waitingFor).toBe(`Strava is having trouble. Trying again at ${timeSlot}.`);
  });

  it('are never formatted for a locale anywhere in src/core', () => {
    const offenders = sources(core).filter((file) =>
      // Activity names (shape/name-template.ts) use a fixed en-GB format on purpose; the UI's clock is the shower's.
      /toLocale(?:Time|Date)String|toLocaleString\(\s*\)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('read as before once whoever shows them fills the slot', () => {
    expect(withTime(`going on at ${timeSlot}.`, at, () => '14:45')).toBe('going on at 14:45.');
    expect(withTime(`going on at ${timeSlot}.`, undefined, () => '14:45')).toBe(
      'going on at a later time.',
    );
    expect(withTime('no time here', at, () => '14:45')).toBe('no time here');
  });
});
