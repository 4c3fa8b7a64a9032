/**
 * Where a time goes in words core writes ("going on at {time}"). Core never formats
 * a time for the user: it leaves this slot and carries the moment as epoch ms (an
 * item's `notBefore`, an error's `retryAt`), and whoever shows the words fills it
 * with its own clock format (the renderer's `clockTime`, the CLI's `cliTime`), so
 * one screen shows one format.
 */
export const timeSlot = '{time}';

/** Words with their time slot filled by `format(at)`; "a later time" when the moment is unknown. */
export function withTime(
  words: string,
  at: number | undefined,
  format: (epochMs: number) => string,
): string {
  if (!words.includes(timeSlot)) return words;
  return words.replaceAll(timeSlot, at === undefined ? 'a later time' : format(at));
}
