import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  addShapeFlags,
  chosenShapeFlags,
  shapeOptionsFromFlags,
  type ShapeFlagValues,
} from '../../src/cli/shape-flags';
import { defaultShapeOptions } from '../../src/core/shape/shape-options';

/** Parses `upload <args>` with the shaping flags; the error commander would print, or the options. */
function parse(args: string[]): { error: string } | { values: ShapeFlagValues } {
  let error = '';
  const command = addShapeFlags(new Command('upload').argument('<folder...>'))
    .exitOverride()
    .configureOutput({ writeErr: (text) => (error += text), writeOut: () => undefined });
  try {
    command.parse(['node', 'upload', 'ride', ...args]);
  } catch {
    return { error: error.trim() };
  }
  return { values: command.opts<ShapeFlagValues>() };
}

const options = (args: string[]) => {
  const parsed = parse(args);
  if ('error' in parsed) throw new Error(parsed.error);
  return shapeOptionsFromFlags(parsed.values);
};

describe('shaping flags of `mtp-strava upload`', () => {
  it('default to changing nothing', () => {
    expect(options([])).toEqual(defaultShapeOptions);
    expect(chosenShapeFlags(options([]))).toEqual([]);
  });

  it('read every flag into ShapeOptions', () => {
    expect(
      options([
        '--trim-start',
        '1500',
        '--trim-end',
        '250.5',
        '--privacy-zone',
        '28.2916,-16.6291,200',
        '--privacy-zone',
        ' -33.9, 18.4 , 75 ',
        '--time-offset',
        '-01:00',
        '--sport-type',
        'standuppaddling',
        '--name-template',
        '{date} {name}',
        '--hide-from-home',
        '--commute',
        '--gear',
        'b1234567',
        '--merge-parts',
        '--clean',
      ]),
    ).toEqual({
      trimStartM: 1500,
      trimEndM: 250.5,
      privacyZones: [
        { lat: 28.2916, lon: -16.6291, radiusM: 200 },
        { lat: -33.9, lon: 18.4, radiusM: 75 },
      ],
      timeOffsetS: -3600,
      sportType: 'StandUpPaddling',
      nameTemplate: '{date} {name}',
      hideFromHome: true,
      commute: true,
      gearId: 'b1234567',
      mergeParts: true,
      clean: true,
    });
  });

  it('take a negative time offset as a value, not as a flag', () => {
    expect(options(['--time-offset', '-3600']).timeOffsetS).toBe(-3600);
  });

  it.each([
    [
      ['--trim-start', '-5'],
      "option '--trim-start <metres>' argument '-5' is invalid",
      'metres, 0 or more',
    ],
    [['--trim-end', '1e3'], "'--trim-end <metres>' argument '1e3'", 'e.g. 1500'],
    [['--trim-end', 'Infinity'], "'--trim-end <metres>'", 'metres'],
    [
      ['--privacy-zone', '91,0,100'],
      "'--privacy-zone <lat,lon,radius>' argument '91,0,100'",
      'latitude "91" must be a number from -90 to 90',
    ],
    [
      ['--privacy-zone', '0,181,100'],
      "'--privacy-zone <lat,lon,radius>'",
      'longitude "181" must be a number from -180 to 180',
    ],
    [
      ['--privacy-zone', '0,0,0'],
      "'--privacy-zone <lat,lon,radius>'",
      'radius "0" must be a number of metres above 0',
    ],
    [['--privacy-zone', '0,0'], "'--privacy-zone <lat,lon,radius>'", '<lat>,<lon>,<radius m>'],
    [
      ['--time-offset', 'yesterday'],
      "'--time-offset <offset>' argument 'yesterday'",
      '±seconds (e.g. -3600) or ±HH:MM[:SS]',
    ],
    [
      ['--sport-type', 'Kayak'],
      "'--sport-type <SportType>' argument 'Kayak'",
      'did you mean Kayaking',
    ],
    [
      ['--name-template', '{data} ride'],
      "'--name-template <template>'",
      '{data} is not a placeholder',
    ],
    [['--gear', 'bike'], "'--gear <id>' argument 'bike'", 'b… for a bike, g… for shoes'],
  ])('refuse %j, naming the flag and the accepted form', (args, flag, form) => {
    const parsed = parse(args);
    expect(parsed).toHaveProperty('error');
    const { error } = parsed as { error: string };
    expect(error).toContain(flag);
    expect(error).toContain(form);
  });

  it("say in the help that a zone crossed mid-track is kept, like Strava's own zones", () => {
    const help = addShapeFlags(new Command('upload')).helpInformation();
    expect(help.replace(/\s+/g, ' ')).toContain(
      "A zone crossed in the middle of a track is kept, like Strava's own privacy zones.",
    );
  });
});
