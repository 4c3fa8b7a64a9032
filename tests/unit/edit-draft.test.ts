import { describe, expect, it } from 'vitest';
import {
  draftOf,
  parseBatchDraft,
  parseDraft,
  type EditDraft,
} from '../../src/renderer/upload/edit/edit-draft';
import { noDefaults } from '../../src/renderer/upload/edit/row-changes';

const original = { name: 'Bay paddle', description: 'Calm morning' };
const base = (): EditDraft => draftOf(original, noDefaults);

describe('the Edit panel form', () => {
  it('starts from the sequence and the defaults, and reads back as no change of name or description', () => {
    const draft = draftOf(original, { ...noDefaults, trimStartM: 50, hideFromHome: true });
    expect(draft).toMatchObject({
      name: 'Bay paddle',
      description: 'Calm morning',
      trimStartM: '50',
      hideFromHome: true,
      timeOffset: '',
    });
    const parsed = parseDraft(draft, original);
    expect(parsed).toEqual({
      ok: true,
      changes: {
        usePrivacyZones: true,
        hideFromHome: true,
        commute: false,
        trimStartM: 50,
        trimEndM: 0,
      },
    });
  });

  it('reads a new name, a cleared description, a sport in any case, trims and an offset', () => {
    const parsed = parseDraft(
      {
        ...base(),
        name: '  Sunrise paddle ',
        description: '',
        sportType: 'standuppaddling',
        trimStartM: '120.5',
        trimEndM: '0',
        timeOffset: '-01:30',
        gearId: 'b42',
      },
      original,
    );
    expect(parsed.ok && parsed.changes).toMatchObject({
      name: 'Sunrise paddle',
      description: '',
      sportType: 'StandUpPaddling',
      trimStartM: 120.5,
      timeOffsetS: -5400,
      gearId: 'b42',
    });
  });

  it('refuses each bad value with the reason core and Settings give', () => {
    const parsed = parseDraft(
      {
        ...base(),
        name: ' ',
        sportType: 'Kayk',
        trimStartM: '-5',
        trimEndM: 'far',
        timeOffset: 'yesterday',
        gearId: 'bike 1',
      },
      original,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.name).toBe('Enter a name: Strava needs one.');
    expect(parsed.problems.sportType).toMatch(
      /^"Kayk" is not a Strava sport type; did you mean \w+, \w+, \w+\?$/,
    );
    expect(parsed.problems.trimStartM).toBe('The start trim cannot be negative.');
    expect(parsed.problems.trimEndM).toBe('The end trim must be a number of metres.');
    expect(parsed.problems.timeOffset).toMatch(/^"yesterday" is not a time offset; use ±seconds/);
    expect(parsed.problems.gearId).toMatch(/b or g followed by digits/);
  });

  it('shows an offset as it was read back, and an empty sport as the transport’s', () => {
    const draft = draftOf(original, noDefaults, { timeOffsetS: 3600, sportType: 'Ride' });
    expect(draft.timeOffset).toBe('+01:00:00');
    expect(draft.sportType).toBe('Ride');
    expect(parseDraft({ ...draft, sportType: '' }, original)).toMatchObject({
      ok: true,
      changes: { timeOffsetS: 3600 },
    });
    const cleared = parseDraft({ ...draft, sportType: '' }, original);
    expect(cleared.ok && 'sportType' in cleared.changes).toBe(false);
  });

  it('the batch form never carries a name or a description', () => {
    const parsed = parseBatchDraft({ ...base(), name: '', commute: true, trimEndM: '30' });
    expect(parsed).toEqual({
      ok: true,
      changes: {
        usePrivacyZones: true,
        hideFromHome: false,
        commute: true,
        trimStartM: 0,
        trimEndM: 30,
      },
    });
  });
});
