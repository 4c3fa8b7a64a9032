import { describe, expect, it } from 'vitest';
import { duplicateActivityId, uploadOutcome } from '../../src/core/strava/upload-status';

const base = { id_str: '8919699501', external_id: 'x.gpx', activity_id: null, error: null };

describe('uploadOutcome', () => {
  it('reads the four statuses exactly', () => {
    expect(uploadOutcome({ ...base, status: 'Your activity is still being processed.' })).toEqual({
      state: 'processing',
      uploadId: '8919699501',
    });
    expect(
      uploadOutcome({ ...base, status: 'Your activity is ready.', activity_id: '18106372042' }),
    ).toEqual({
      state: 'ready',
      uploadId: '8919699501',
      activityId: '18106372042',
    });
    expect(
      uploadOutcome({
        ...base,
        status: 'There was an error processing your activity.',
        error: 'Time information is missing',
      }),
    ).toEqual({
      state: 'error',
      uploadId: '8919699501',
      message: 'Time information is missing',
    });
    expect(uploadOutcome({ ...base, status: 'The created activity has been deleted.' })).toEqual({
      state: 'deleted',
      uploadId: '8919699501',
    });
  });

  it('resolves both duplicate forms to the existing activity id', () => {
    expect(
      uploadOutcome({
        ...base,
        status: 'There was an error processing your activity.',
        error: '17611540601.gpx duplicate of activity 8319193780',
      }),
    ).toEqual({
      state: 'duplicate',
      uploadId: '8919699501',
      activityId: '8319193780',
    });
    expect(
      duplicateActivityId(
        "ride.gpx duplicate of <a href='/activities/18106372042' target='_blank'>Ride</a>",
      ),
    ).toBe('18106372042');
    expect(duplicateActivityId('weird name duplicate of.gpx duplicate of activity 42')).toBe('42');
    expect(duplicateActivityId('There was an error')).toBeUndefined();
  });
});
