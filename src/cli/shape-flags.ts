import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { SPORT_TYPES } from '../shared/sport-types';
import { nameTemplateProblem } from '../core/shape/name-template';
import {
  defaultShapeOptions,
  gearIdPattern,
  shapeOptionsSchema,
} from '../core/shape/shape-options';
import type { PrivacyZone, ShapeOptions } from '../core/shape/shape-options';
import { checkSportType } from '../core/shape/sport-type';
import { parseTimeOffset, timeOffsetForms } from '../core/shape/time-offset';

/** What commander hands the upload action for the shaping flags (after the parsers below). */
export interface ShapeFlagValues {
  trimStart?: number;
  trimEnd?: number;
  privacyZone?: PrivacyZone[];
  timeOffset?: number;
  sportType?: ShapeOptions['sportType'];
  nameTemplate?: string;
  hideFromHome?: boolean;
  commute?: boolean;
  gear?: string;
  mergeParts?: boolean;
  clean?: boolean;
}

/** A plain decimal: no sign, no exponent, no `Infinity` (Number() would take all three). */
const plainDecimal = /^\d+(?:\.\d+)?$/;
const signedDecimal = /^[+-]?\d+(?:\.\d+)?$/;

/** Metres for --trim-start / --trim-end: 0 or more. */
export function parseMetres(value: string): number {
  const text = value.trim();
  if (!plainDecimal.test(text)) {
    throw new InvalidArgumentError(
      `Give a distance in metres, 0 or more (e.g. 1500); "${value}" is not one.`,
    );
  }
  return Number(text);
}

const zoneForm = '<lat>,<lon>,<radius m> (e.g. 28.2916,-16.6291,200)';

/** One --privacy-zone `<lat>,<lon>,<radius m>`, added to those already given (the flag repeats). */
export function parsePrivacyZone(value: string, previous: PrivacyZone[] = []): PrivacyZone[] {
  const parts = value.split(',').map((p) => p.trim());
  const [lat, lon, radius] = parts;
  if (parts.length !== 3 || lat === undefined || lon === undefined || radius === undefined) {
    throw new InvalidArgumentError(`Give a zone as ${zoneForm}; "${value}" is not one.`);
  }
  const number = (text: string, what: string, min: number, max: number): number => {
    const n = Number(text);
    if (!signedDecimal.test(text) || n < min || n > max) {
      throw new InvalidArgumentError(
        `The ${what} "${text}" must be a number from ${min} to ${max}; give a zone as ${zoneForm}.`,
      );
    }
    return n;
  };
  const zone = {
    lat: number(lat, 'latitude', -90, 90),
    lon: number(lon, 'longitude', -180, 180),
    radiusM: Number(radius),
  };
  if (!plainDecimal.test(radius) || !(zone.radiusM > 0)) {
    throw new InvalidArgumentError(
      `The radius "${radius}" must be a number of metres above 0; give a zone as ${zoneForm}.`,
    );
  }
  return [...previous, zone];
}

/** --time-offset `±seconds` or `±HH:MM[:SS]`. */
export function parseTimeOffsetFlag(value: string): number {
  const parsed = parseTimeOffset(value);
  if ('problem' in parsed) throw new InvalidArgumentError(`${parsed.problem}.`);
  return parsed.seconds;
}

/** --sport-type: one of Strava's SportType values, in any case. */
export function parseSportTypeFlag(value: string): NonNullable<ShapeOptions['sportType']> {
  const checked = checkSportType(value);
  if ('problem' in checked) {
    throw new InvalidArgumentError(
      `${checked.problem} (\`mtp-strava upload --help\` lists them all).`,
    );
  }
  return checked.sportType;
}

/** --name-template: text with {name}, {date}, {time}, {transport}. */
export function parseNameTemplateFlag(value: string): string {
  const problem = nameTemplateProblem(value);
  if (problem !== undefined) {
    throw new InvalidArgumentError(
      `The template is refused: ${problem}. Use text with {name}, {date} (YYYY-MM-DD), {time} (HH:MM) and {transport}.`,
    );
  }
  return value;
}

/** --gear: a Strava gear id. */
export function parseGearFlag(value: string): string {
  const text = value.trim();
  if (!gearIdPattern.test(text)) {
    throw new InvalidArgumentError(
      `Give a Strava gear id: b… for a bike, g… for shoes (e.g. b1234567), or none; "${value}" is not one.`,
    );
  }
  return text;
}

/** Adds the shaping flags (issue 14) to a command, with their parsers and help. */
export function addShapeFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--trim-start <metres>',
        'drop the start of each track up to the first point more than <metres> from where it starts',
      ).argParser(parseMetres),
    )
    .addOption(
      new Option(
        '--trim-end <metres>',
        'drop the end of each track from the last point more than <metres> from where it ends',
      ).argParser(parseMetres),
    )
    .addOption(
      new Option(
        '--privacy-zone <lat,lon,radius>',
        "drop the points at the start and at the end that lie inside this circle (radius in metres; repeatable). A zone crossed in the middle of a track is kept, like Strava's own privacy zones.",
      ).argParser(parsePrivacyZone),
    )
    .addOption(
      new Option(
        '--time-offset <offset>',
        `add an offset to every point's time: ${timeOffsetForms}`,
      ).argParser(parseTimeOffsetFlag),
    )
    .addOption(
      new Option(
        '--sport-type <SportType>',
        "Strava's sport for every activity, instead of the transport's",
      ).argParser(parseSportTypeFlag),
    )
    .addOption(
      new Option(
        '--name-template <template>',
        'activity name from {name}, {date}, {time} (local, of the first point sent) and {transport}',
      ).argParser(parseNameTemplateFlag),
    )
    .option(
      '--hide-from-home',
      "keep the activities out of followers' home feeds (one more request each)",
    )
    .option('--commute', 'mark the activities as commutes')
    .addOption(
      new Option(
        '--gear <id>',
        'the bike (b…) or shoes (g…) to set (one more request each)',
      ).argParser(parseGearFlag),
    )
    .option('--merge-parts', 'upload <name>_part_<N> folders of one capture as one activity')
    .option(
      '--clean',
      'camera clean-up: drop points without a fix, repeated times and single-point spikes',
    )
    .addHelpText('after', `\nSport types (--sport-type): ${SPORT_TYPES.join(', ')}.`);
}

/** The ShapeOptions the flags ask for; anything not given keeps its default. */
export function shapeOptionsFromFlags(values: ShapeFlagValues): ShapeOptions {
  return shapeOptionsSchema.parse({
    ...(values.trimStart === undefined ? {} : { trimStartM: values.trimStart }),
    ...(values.trimEnd === undefined ? {} : { trimEndM: values.trimEnd }),
    ...(values.privacyZone === undefined ? {} : { privacyZones: values.privacyZone }),
    ...(values.timeOffset === undefined ? {} : { timeOffsetS: values.timeOffset }),
    ...(values.sportType === undefined ? {} : { sportType: values.sportType }),
    ...(values.nameTemplate === undefined ? {} : { nameTemplate: values.nameTemplate }),
    ...(values.gear === undefined ? {} : { gearId: values.gear }),
    hideFromHome: Boolean(values.hideFromHome),
    commute: Boolean(values.commute),
    mergeParts: Boolean(values.mergeParts),
    clean: Boolean(values.clean),
  });
}

/** The flags whose options differ from the defaults, as typed: what a run asked to change. */
export function chosenShapeFlags(options: ShapeOptions): string[] {
  const d = defaultShapeOptions;
  const chosen: [boolean, string][] = [
    [options.trimStartM !== d.trimStartM, '--trim-start'],
    [options.trimEndM !== d.trimEndM, '--trim-end'],
    [options.privacyZones.length > 0, '--privacy-zone'],
    [options.timeOffsetS !== d.timeOffsetS, '--time-offset'],
    [options.sportType !== undefined, '--sport-type'],
    [options.nameTemplate !== undefined, '--name-template'],
    [options.hideFromHome, '--hide-from-home'],
    [options.commute, '--commute'],
    [options.gearId !== undefined, '--gear'],
    [options.mergeParts, '--merge-parts'],
    [options.clean, '--clean'],
  ];
  return chosen.filter(([on]) => on).map(([, flag]) => flag);
}
