import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itWhen, skipReasons } from '../support/skip-when';
import { findTransport, transportTable } from '../../src/core/sequence/folder/transport-methods';

const sharedDir = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared');
const tablePath = resolve(sharedDir, 'fixtures/mtp/mtpdu-transport-methods.json');
const definitionsPath = resolve(sharedDir, 'contracts/strava/models/definitions.json');
const haveShared = existsSync(tablePath) && existsSync(definitionsPath);

interface OriginalChild {
  type: string;
  mtp_api: string;
  strava_activity: string | false;
}

describe('the transport table', () => {
  itWhen(haveShared, skipReasons.shared)(
    'equals the MTP Desktop Uploader table entry by entry',
    () => {
      const original = JSON.parse(readFileSync(tablePath, 'utf8')) as Record<
        string,
        { type: string; children: OriginalChild[] }
      >;
      expect(Object.keys(transportTable)).toEqual(Object.keys(original));
      for (const [parent, entry] of Object.entries(original)) {
        expect(entry.type).toBe(parent);
        expect(transportTable[parent]).toEqual(
          entry.children.map((c) => ({
            type: c.type,
            mtpApi: c.mtp_api,
            stravaSport: c.strava_activity === false ? null : c.strava_activity,
          })),
        );
      }
    },
  );

  itWhen(haveShared, skipReasons.shared)('maps only to sport types of the Strava swagger', () => {
    const definitions = JSON.parse(readFileSync(definitionsPath, 'utf8')) as {
      SportType: { enum: string[] };
    };
    const sports = Object.values(transportTable)
      .flat()
      .map((m) => m.stravaSport)
      .filter((s): s is string => s !== null);
    expect(sports.length).toBeGreaterThan(0);
    for (const sport of sports) expect(definitions.SportType.enum).toContain(sport);
  });

  it('names each method once, so a method alone is enough', () => {
    const methods = Object.values(transportTable)
      .flat()
      .map((m) => m.type.toLowerCase());
    expect(new Set(methods).size).toBe(methods.length);
  });
});

describe('findTransport', () => {
  const paddleboard = {
    parent: 'Water',
    method: 'Paddleboard',
    mtpApi: 'Paddleboard',
    stravaSport: 'StandUpPaddling',
  };

  it('finds the type and method of a sequence file, in any case', () => {
    expect(findTransport('Water', 'Paddleboard')).toEqual(paddleboard);
    expect(findTransport('water', 'PADDLEBOARD')).toEqual(paddleboard);
    expect(findTransport(' Earth ', 'rock  climbing')).toMatchObject({ mtpApi: 'Rock Climbing' });
  });

  it('reads the EXIF form given as the method alone, or as the type alone', () => {
    expect(findTransport(undefined, 'Water-Paddleboard')).toEqual(paddleboard);
    expect(findTransport('water-paddleboard')).toEqual(paddleboard);
    expect(findTransport(undefined, 'Earth-Electric Bicycle')).toMatchObject({
      stravaSport: 'EBikeRide',
    });
  });

  it('accepts a method alone, and a method under an older parent name', () => {
    expect(findTransport(undefined, 'Kayak')).toMatchObject({
      parent: 'Water',
      stravaSport: 'Kayaking',
    });
    expect(findTransport('Land', 'Walk')).toMatchObject({ parent: 'Earth', mtpApi: 'Walk' });
  });

  it('gives null for a transport Strava has no sport for', () => {
    expect(findTransport('Earth', 'Car')).toEqual({
      parent: 'Earth',
      method: 'Car',
      mtpApi: 'Car',
      stravaSport: null,
    });
  });

  it('finds nothing for a parent alone, an unknown method or nothing at all', () => {
    expect(findTransport('Water')).toBeUndefined();
    expect(findTransport('Water', 'Jetpack')).toBeUndefined();
    expect(findTransport(undefined, 'Water-Jetpack')).toBeUndefined();
    expect(findTransport()).toBeUndefined();
    expect(findTransport('', '  ')).toBeUndefined();
  });
});
