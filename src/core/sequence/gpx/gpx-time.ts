/** A GPX point time, read: epoch milliseconds and whether the text named a time zone. */
export interface GpxTime {
  ms: number;
  /** False when the text had neither `Z` nor an offset (GPX says such times are UTC). */
  zoned: boolean;
}

/**
 * xsd:dateTime, the type GPX gives `<time>`: a date, `T`, a time with optional
 * fraction, then `Z`, an offset, or nothing. Anything looser (a space instead of `T`,
 * a date alone) is not a GPX time, and Strava's reader is not known to accept it.
 */
const pattern =
  /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?\s*$/;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Epoch ms of the day's midnight, or NaN for a date that does not exist (2021-02-30). */
function dayStart(year: number, month: number, day: number): number {
  const days = month === 2 && isLeap(year) ? 29 : monthDays[month - 1];
  // Date.UTC would silently roll 2021-02-30 over into March: check the fields first.
  if (days === undefined || day < 1 || day > days) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0-99 to 1900-1999.
  return year < 100 ? new Date(ms).setUTCFullYear(year) : ms;
}

/** Tracks run over one or a few days: the last day read is kept, saving most date work. */
let lastDay = '';
let lastDayMs = Number.NaN;

/** Reads a GPX `<time>` text; undefined when it is not a real date and time. */
export function parseGpxTime(text: string): GpxTime | undefined {
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (day !== lastDay) {
    lastDayMs = dayStart(Number(m[1]), Number(m[2]), Number(m[3]));
    lastDay = day;
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (Number.isNaN(lastDayMs) || hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = lastDayMs + ((hour * 60 + minute) * 60 + second) * 1000;
  const fraction = m[7];
  if (fraction !== undefined) ms += Math.floor(Number(`0.${fraction}`) * 1000);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(4, 6));
    if (offsetHours > 14 || offsetMinutes > 59) return undefined;
    ms -= (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return { ms, zoned: zone !== undefined };
}
