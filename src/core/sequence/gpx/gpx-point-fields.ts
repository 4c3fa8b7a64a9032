import type { SaxesAttributeNS } from 'saxes';
import { parseGpxTime } from './gpx-time';
import type { GpxTime } from './gpx-time';

const decimal = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A latitude or longitude attribute as a number within ±limit, or undefined. */
function coordinate(value: string | undefined, limit: number): number | undefined {
  if (value === undefined || !decimal.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

/** File text quoted in a message, kept short. */
export function clip(value: string | undefined): string {
  if (value === undefined) return '';
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** A point's position from its `lat` and `lon` attributes, or what is wrong with them. */
export function readPosition(
  attributes: Record<string, SaxesAttributeNS>,
): { lat: number; lon: number } | { problem: string } {
  const lat = coordinate(attributes.lat?.value, 90);
  if (lat === undefined) {
    return {
      problem: `has no valid latitude (lat="${clip(attributes.lat?.value)}"); it must be a number from -90 to 90.`,
    };
  }
  const lon = coordinate(attributes.lon?.value, 180);
  if (lon === undefined) {
    return {
      problem: `has no valid longitude (lon="${clip(attributes.lon?.value)}"); it must be a number from -180 to 180.`,
    };
  }
  return { lat, lon };
}

/** A point's `<time>` text read, or what is wrong with it. */
export function readPointTime(text: string | undefined): GpxTime | { problem: string } {
  if (text === undefined) return { problem: 'has no time; Strava needs a time on every point.' };
  return (
    parseGpxTime(text) ?? {
      problem: `has a time Strava cannot read ("${clip(text)}"); it must look like 2021-05-01T08:00:00Z.`,
    }
  );
}

/** An `<ele>` text that holds a number. */
export function isElevation(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}
