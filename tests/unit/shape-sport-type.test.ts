import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSportType, editDistance, nearestSportTypes } from '../../src/core/shape/sport-type';
import { isSportType, SPORT_TYPES } from '../../src/shared/sport-types';
import { itWhen, skipReasons } from '../support/skip-when';
import { sharedDir } from '../support/swagger-contract';

const definitionsPath = resolve(sharedDir, 'contracts/strava/models/definitions.json');

describe('sport types', () => {
  itWhen(existsSync(definitionsPath), skipReasons.shared)(
    'are exactly the swagger SportType enum',
    () => {
      const definitions = JSON.parse(readFileSync(definitionsPath, 'utf8')) as {
        SportType: { enum: string[] };
      };
      expect([...SPORT_TYPES]).toEqual(definitions.SportType.enum);
    },
  );

  it('differ from each other in more than case, so any case can be accepted', () => {
    expect(new Set(SPORT_TYPES.map((s) => s.toLowerCase())).size).toBe(SPORT_TYPES.length);
  });

  it('accepts a valid name in any case, giving Strava its spelling', () => {
    expect(checkSportType('StandUpPaddling')).toEqual({ sportType: 'StandUpPaddling' });
    expect(checkSportType(' ebikeride ')).toEqual({ sportType: 'EBikeRide' });
    expect(isSportType('ride')).toBe(false);
  });

  it('refuses an unknown name with the nearest valid names', () => {
    const result = checkSportType('Kayak');
    expect(result).toMatchObject({ nearest: expect.arrayContaining(['Kayaking']) });
    expect((result as { problem: string }).problem).toBe(
      `"Kayak" is not a Strava sport type; did you mean ${(result as { nearest: string[] }).nearest.join(', ')}?`,
    );
    expect(nearestSportTypes('Rde')[0]).toBe('Ride');
    expect(nearestSportTypes('hiking')[0]).toBe('Hike');
    expect(nearestSportTypes('Bicycle ride')).toHaveLength(3);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'ride')).toBe(4);
    expect(editDistance('ride', 'ride')).toBe(0);
  });
});
