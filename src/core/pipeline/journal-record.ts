import { z } from 'zod';
import { queueItemSchema, type QueueItem } from './queue-item';

/**
 * One line of the journal: an item as it is after a step, or the removal of one.
 * A record holds the whole item rather than what changed: an item is a few hundred
 * bytes, and a whole record stands alone, so a damaged line loses one step of one
 * item (it falls back to its previous record) instead of every later change to it.
 */
export const journalRecordSchema = z.union([
  z.object({ v: z.literal(1), put: queueItemSchema }),
  z.object({ v: z.literal(1), del: z.string() }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;

/** The line that stores `item`. */
export function putLine(item: QueueItem): string {
  return JSON.stringify({ v: 1, put: item });
}

/** The line that removes the item `id`. */
export function deleteLine(id: string): string {
  return JSON.stringify({ v: 1, del: id });
}

/** Why a line was not used. */
export type LineProblem = 'not JSON' | 'not a journal record';

/** Reads one line; a line that is not a record says why. */
export function parseLine(line: string): JournalRecord | LineProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const record = journalRecordSchema.safeParse(value);
  return record.success ? record.data : 'not a journal record';
}
