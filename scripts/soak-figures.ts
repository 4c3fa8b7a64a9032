import { z } from 'zod';
import type { SimStateSnapshot } from '../src/sim/state-snapshot';

/** One line of `mtp-strava status --json`, as far as the soak reads it. */
export const statusRowSchema = z.object({
  name: z.string(),
  stage: z.string(),
  activityId: z.string().optional(),
  mtpwId: z.string().optional(),
  mtpwInterruptedCreates: z.number().int().nonnegative().optional(),
  mtpwWarning: z.string().optional(),
  error: z.object({ message: z.string() }).optional(),
});
export type StatusRow = z.infer<typeof statusRowSchema>;

/** Strava's side: each distinct track (by its start time) should have exactly one activity. */
export function stravaFigures(
  state: SimStateSnapshot,
  trackStarts: number[],
): { tracksWithActivity: number; activitiesExtra: number } {
  const tracks = new Set(trackStarts.map((t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z')));
  const covered = new Set(state.activities.map((a) => a.start_date).filter((s) => tracks.has(s)));
  return {
    tracksWithActivity: covered.size,
    // Every activity beyond the first of its track, and any of an unknown track.
    activitiesExtra: state.activities.length - covered.size,
  };
}

/**
 * MTPW's side: each item's own sequence marked with its activity, and every other
 * sequence an orphan. An orphan is reported when its item counted at least as many
 * interrupted creates as it has orphans; the rest are unreported duplicates.
 */
export function mtpwFigures(
  state: SimStateSnapshot,
  rows: StatusRow[],
): {
  mtpwMarked: number;
  mtpwOrphans: number;
  interruptedCreatesReported: number;
  mtpwDuplicates: number;
} {
  const sequences = state.mtpw.sequences;
  const own = new Set(rows.map((r) => r.mtpwId).filter((id) => id !== undefined));
  const names = new Set(rows.map((r) => r.name));
  let duplicates = sequences.filter((s) => !own.has(s.unique_id) && !names.has(s.name)).length;
  for (const row of rows) {
    const orphans = sequences.filter(
      (s) => s.name === row.name && s.unique_id !== row.mtpwId && !own.has(s.unique_id),
    ).length;
    duplicates += Math.max(0, orphans - (row.mtpwInterruptedCreates ?? 0));
  }
  return {
    mtpwMarked: rows.filter(
      (r) =>
        r.activityId !== undefined &&
        sequences.some((s) => s.unique_id === r.mtpwId && s.strava === r.activityId),
    ).length,
    mtpwOrphans: sequences.filter((s) => !own.has(s.unique_id)).length,
    interruptedCreatesReported: rows.reduce((n, r) => n + (r.mtpwInterruptedCreates ?? 0), 0),
    mtpwDuplicates: duplicates,
  };
}
