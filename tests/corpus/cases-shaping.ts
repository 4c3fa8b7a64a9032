import type { ShapeOptionsInput } from '../../src/core/shape/shape-options';
import type { GpxSpec } from '../support/generate-gpx';

/**
 * A shaping flag given a bad value: `mtp-strava upload` must refuse it before anything
 * is sent, with a message that names the flag and the form it takes.
 */
export interface ShapingFlagCase {
  name: string;
  /** The flags, as typed after `mtp-strava upload <folder>`. */
  args: string[];
  /** The flag as commander names it in the message. */
  flag: string;
  /** The accepted form (and the specific fault), in words. */
  says: RegExp;
}

/**
 * A track that shaping leaves with too little for Strava (under 2 points or 10 s):
 * refused with the reason, while the other sequences of the batch go on.
 */
export interface ShapingLeftCase {
  name: string;
  track: GpxSpec;
  shape: ShapeOptionsInput;
  /** The reason, as the item's message gives it; undefined: the track is sent. */
  says?: RegExp;
}

/** Every bad value of a shaping flag the corpus sends through the real CLI. */
export const shapingFlagCases: ShapingFlagCase[] = [
  {
    name: 'shaping-negative-trim',
    args: ['--trim-start', '-5'],
    flag: "option '--trim-start <metres>' argument '-5' is invalid",
    says: /Give a distance in metres, 0 or more \(e\.g\. 1500\)/,
  },
  {
    name: 'shaping-trim-not-a-number',
    args: ['--trim-end', 'far'],
    flag: "option '--trim-end <metres>' argument 'far' is invalid",
    says: /Give a distance in metres, 0 or more/,
  },
  {
    name: 'shaping-latitude-91',
    args: ['--privacy-zone', '91,-16.6291,200'],
    flag: "option '--privacy-zone <lat,lon,radius>' argument '91,-16.6291,200' is invalid",
    says: /latitude "91" must be a number from -90 to 90; give a zone as <lat>,<lon>,<radius m>/,
  },
  {
    name: 'shaping-offset-yesterday',
    args: ['--time-offset', 'yesterday'],
    flag: "option '--time-offset <offset>' argument 'yesterday' is invalid",
    says: /±seconds \(e\.g\. -3600\) or ±HH:MM\[:SS\]/,
  },
  {
    name: 'shaping-unknown-sport',
    args: ['--sport-type', 'Kayak'],
    flag: "option '--sport-type <SportType>' argument 'Kayak' is invalid",
    says: /"Kayak" is not a Strava sport type; did you mean Kayaking/,
  },
  {
    name: 'shaping-unknown-placeholder',
    args: ['--name-template', '{data} ride'],
    flag: "option '--name-template <template>' argument '{data} ride' is invalid",
    says: /\{data\} is not a placeholder.*\{name\}, \{date\} \(YYYY-MM-DD\), \{time\} \(HH:MM\) and \{transport\}/,
  },
  {
    name: 'shaping-bad-gear',
    args: ['--gear', 'my bike'],
    flag: "option '--gear <id>' argument 'my bike' is invalid",
    says: /b… for a bike, g… for shoes/,
  },
];

const start = Date.UTC(2020, 2, 14, 7);

/**
 * Tracks shaping leaves too little of, with one that is sent, all in one batch. The
 * generated track steps about 1.11 m north a point, one point a second (generate-gpx.ts).
 */
export const shapingLeftCases: ShapingLeftCase[] = [
  {
    // 60 points, about 66 m: trimming 1.5 km from each end leaves nothing.
    name: 'shaping-nothing-left-after-trim',
    track: { points: 60, start },
    shape: { trimStartM: 1500, trimEndM: 1500 },
    says: /nothing left after trimming 1,500 m from each end; Strava needs at least 2 points over 10 s/,
  },
  {
    name: 'shaping-nothing-left-in-zone',
    track: { points: 60, start: start + 3_600_000 },
    shape: { privacyZones: [{ lat: 28.2916, lon: -16.6291, radiusM: 500 }] },
    says: /nothing left after dropping the ends inside your privacy zones/,
  },
  {
    // 200 points a tenth of a second apart, about 220 m: past 150 m, some 6 s remain.
    name: 'shaping-under-10-s-left',
    track: { points: 200, intervalS: 0.1, start: start + 7_200_000 },
    shape: { trimStartM: 150 },
    says: /only \d+(?:\.\d)? s left after trimming 150 m from the start/,
  },
  {
    // The batch goes on: this one keeps most of its track and is sent.
    name: 'shaping-enough-left',
    track: { points: 600, start: start + 10_800_000 },
    shape: { trimStartM: 100, trimEndM: 100 },
  },
];
