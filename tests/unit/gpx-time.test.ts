import { describe, expect, it } from 'vitest';
import { parseGpxTime } from '../../src/core/sequence/gpx/gpx-time';

describe('parseGpxTime', () => {
  it.each([
    ['2021-05-01T08:00:00Z', '2021-05-01T08:00:00.000Z', true],
    ['2021-09-04T07:25:17.352Z', '2021-09-04T07:25:17.352Z', true],
    ['2021-09-04T07:25:17.3527891Z', '2021-09-04T07:25:17.352Z', true],
    ['2021-05-01T10:00:00+02:00', '2021-05-01T08:00:00.000Z', true],
    ['2021-05-01T02:30:00-05:30', '2021-05-01T08:00:00.000Z', true],
    ['2021-05-01T00:30:00-08:00', '2021-05-01T08:30:00.000Z', true],
    ['2021-05-01T08:00:00', '2021-05-01T08:00:00.000Z', false],
    ['  2020-02-29T23:59:59.5Z\n', '2020-02-29T23:59:59.500Z', true],
  ])('reads %j', (text, iso, zoned) => {
    const time = parseGpxTime(text);
    expect(time).toEqual({ ms: Date.parse(iso), zoned });
  });

  it('keeps years before 100 as they are', () => {
    expect(new Date(parseGpxTime('0050-01-01T00:00:00Z')?.ms ?? 0).getUTCFullYear()).toBe(50);
  });

  it.each([
    '',
    'yesterday',
    '2021-05-01',
    '2021-05-01 08:00:00Z',
    '2021-02-30T08:00:00Z',
    '2021-02-29T08:00:00Z',
    '2021-13-01T08:00:00Z',
    '2021-05-01T24:00:00Z',
    '2021-05-01T08:60:00Z',
    '2021-05-01T08:00:60Z',
    '2021-05-01T08:00:00+15:00',
    '2021-05-01T08:00:00+0200',
    '2021-05-01T08:00:00.Z',
    '1620000000',
  ])('refuses %j', (text) => {
    expect(parseGpxTime(text)).toBeUndefined();
  });
});
