import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxTimeOffsetS } from '../../src/core/shape/shape-options';
import {
  applyTimeOffset,
  formatTimeOffset,
  parseTimeOffset,
} from '../../src/core/shape/time-offset';
import { straightTrack, trackArbitrary } from '../support/shape-tracks';

describe('parseTimeOffset', () => {
  it.each([
    ['3600', 3600],
    ['+3600', 3600],
    ['-3600', -3600],
    ['-0', 0],
    ['+01:30', 5400],
    ['-7:00', -25200],
    ['-00:00:05', -5],
    ['+26:15:30', 94530],
    [' +01:00 ', 3600],
  ])('reads %j as %i s', (text, seconds) => {
    expect(parseTimeOffset(text)).toEqual({ seconds });
  });

  it.each(['yesterday', '', '1.5', '+1h', '01:60', '01:30:75', '1:2', '--5', '12:00:00:00'])(
    'refuses %j, naming the accepted forms',
    (text) => {
      const result = parseTimeOffset(text);
      expect(result).toHaveProperty('problem');
      expect((result as { problem: string }).problem).toContain('±HH:MM[:SS]');
    },
  );

  it('refuses more than a century', () => {
    expect(parseTimeOffset(String(maxTimeOffsetS + 1))).toHaveProperty('problem');
    expect(parseTimeOffset(String(maxTimeOffsetS))).toEqual({ seconds: maxTimeOffsetS });
  });

  it('reads back what formatTimeOffset writes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -maxTimeOffsetS, max: maxTimeOffsetS }), (seconds) => {
        expect(parseTimeOffset(formatTimeOffset(seconds))).toEqual({ seconds });
      }),
    );
  });
});

describe('applyTimeOffset', () => {
  it('shifts every time by exactly the offset and leaves the original alone (property)', () => {
    fc.assert(
      fc.property(
        trackArbitrary,
        fc.integer({ min: -maxTimeOffsetS, max: maxTimeOffsetS }),
        (track, offsetS) => {
          const before = Float64Array.from(track.timeMs);
          const shifted = applyTimeOffset(track, offsetS);
          expect(shifted.length).toBe(track.length);
          for (let i = 0; i < track.length; i++) {
            expect(shifted.timeMs[i]! - before[i]!).toBe(offsetS * 1000);
            expect(shifted.lat[i]).toBe(track.lat[i]);
            expect(shifted.lon[i]).toBe(track.lon[i]);
          }
          expect(track.timeMs).toEqual(before);
        },
      ),
    );
  });

  it('moves a track one hour back', () => {
    const track = straightTrack(2, { startMs: Date.UTC(2021, 4, 1, 8) });
    expect(new Date(applyTimeOffset(track, -3600).timeMs[0]!).toISOString()).toBe(
      '2021-05-01T07:00:00.000Z',
    );
  });
});
