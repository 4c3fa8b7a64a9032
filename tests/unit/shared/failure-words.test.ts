import { describe, expect, it } from 'vitest';
import { withoutRetryPromise } from '../../../src/shared/failure-words';

describe('withoutRetryPromise', () => {
  it('drops a trailing "It will be tried again." sentence', () => {
    expect(withoutRetryPromise('Strava is having trouble right now. It will be tried again.')).toBe(
      'Strava is having trouble right now.',
    );
  });
  it('drops a "; it will be tried again" clause and ends the sentence', () => {
    expect(
      withoutRetryPromise(
        'Could not reach Strava. Check your internet connection; it will be tried again.',
      ),
    ).toBe('Could not reach Strava. Check your internet connection.');
  });
  it('leaves other messages unchanged', () => {
    expect(withoutRetryPromise('The file is not a GPX track.')).toBe(
      'The file is not a GPX track.',
    );
  });
});
