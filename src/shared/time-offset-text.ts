/**
 * Time offsets as people type them, shared by core (the CLI's --time-offset, the
 * shaping schema) and the renderer's Edit panel, so both refuse with the same words.
 */

/** A camera clock can be years off (reset after a flat battery); a century is surely a typo. */
export const maxTimeOffsetS = 100 * 366 * 24 * 3600;

/** The accepted forms, as a message names them. */
export const timeOffsetForms = '±seconds (e.g. -3600) or ±HH:MM[:SS] (e.g. +01:30)';

const secondsForm = /^([+-]?)(\d{1,10})$/;
const clockForm = /^([+-]?)(\d{1,6}):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * Reads a time offset: whole seconds (`-3600`) or hours and minutes with optional
 * seconds (`+01:30`, `-7:00:15`). A camera clock can be off by years after a reset, so
 * large offsets are fine, up to a century.
 */
export function parseTimeOffset(text: string): { seconds: number } | { problem: string } {
  const value = text.trim();
  let sign: string;
  let seconds: number;
  const plain = secondsForm.exec(value);
  const clock = plain === null ? clockForm.exec(value) : null;
  if (plain !== null) {
    sign = plain[1] ?? '';
    seconds = Number(plain[2]);
  } else if (clock !== null) {
    sign = clock[1] ?? '';
    seconds = (Number(clock[2]) * 60 + Number(clock[3])) * 60 + Number(clock[4] ?? 0);
  } else {
    return { problem: `"${value}" is not a time offset; use ${timeOffsetForms}` };
  }
  if (seconds > maxTimeOffsetS) {
    return { problem: `"${value}" is more than a century; use ${timeOffsetForms}` };
  }
  // -0 would read back as 0 anyway; keep it plain.
  return { seconds: sign === '-' && seconds !== 0 ? -seconds : seconds };
}

/** An offset for people: `+01:30:00`, `-00:00:05`. */
export function formatTimeOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.abs(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
