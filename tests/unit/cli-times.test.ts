import { describe, expect, it } from 'vitest';
import { cliTime } from '../../src/cli/cli-time';
import { itemJson, itemLine } from '../../src/cli/progress-view';
import { waitForRateLimit } from '../../src/core/pipeline/item-transitions';
import { timeSlot } from '../../src/shared/timed-words';
import { fakeItem } from '../support/fake-queue';

const at = new Date(2026, 11, 2, 14, 45, 10).getTime();
const url = (id: string) => `https://www.strava.com/activities/${id}`;

describe('the CLI’s times', () => {
  it('shows the time core sent as a moment, in its own clock format', () => {
    const held = waitForRateLimit(fakeItem(1, { name: 'Harbour walk' }), at, at - 60_000);
    const line = itemLine(held, url);
    expect(line).toBe(
      `· Harbour walk: Waiting for Strava's rate limit; going on at ${cliTime(at)}`,
    );
    expect(line).toContain(new Date(at).toLocaleTimeString());
    expect(line).not.toContain(timeSlot);
    // Scripts get the words with their time and the moment itself.
    expect(JSON.parse(itemJson(held, url))).toMatchObject({
      waitingFor: `Waiting for Strava's rate limit; going on at ${cliTime(at)}`,
      waitingUntil: at,
    });
  });

  it('fills the time of a failure’s reason from its retryAt', () => {
    const failed = fakeItem(2, {
      name: 'Coast ride',
      stage: 'failed',
      error: {
        kind: 'rate-limit',
        message: `Strava's daily request limit is used up. Uploads go on by themselves at ${timeSlot}.`,
        retryable: true,
        retryAt: at,
      },
    });
    expect(itemLine(failed, url)).toContain(`go on by themselves at ${cliTime(at)}.`);
  });
});
