import { z } from 'zod';

/**
 * How one row of the Upload screen is shaped, as it crosses IPC in `queue:add` and
 * `folders:shapePreview`. Only the types are checked here: core parses the values
 * again with its own shaping schema (src/core/shape/shape-options.ts), which the
 * renderer may not import, and refuses the call with the reason.
 */
export const shapeRequestSchema = z.strictObject({
  trimStartM: z.number().optional(),
  trimEndM: z.number().optional(),
  privacyZones: z
    .array(z.strictObject({ lat: z.number(), lon: z.number(), radiusM: z.number() }))
    .max(100)
    .optional(),
  timeOffsetS: z.number().optional(),
  sportType: z.string().max(64).optional(),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  hideFromHome: z.boolean().optional(),
  commute: z.boolean().optional(),
  gearId: z.string().max(32).optional(),
  /** The `<base>_part_<N>` folders of one capture in this entry become one activity. */
  mergeParts: z.boolean().optional(),
});
export type ShapeRequest = z.infer<typeof shapeRequestSchema>;

/** Strava gear ids: `b…` for bikes, `g…` for shoes; `none` clears the gear. */
export const gearIdPattern = /^(?:[bg]\d{1,20}|none)$/;

const latLon = z.tuple([z.number(), z.number()]);

/** `folders:shapePreview`: one row's folder and the shaping it would get. */
export const shapePreviewRequestSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  shape: shapeRequestSchema,
});

/** What a row's shaping would send: the drawing with the kept part, or why it would be refused. */
export const shapePreviewSchema = z.object({
  /** The whole track's drawing points, [lat, lon], in order. */
  points: z.array(latLon).max(1000),
  /** One flag per drawing point: whether it lies in the part kept. */
  kept: z.array(z.boolean()).max(1000),
  /** The exact first and last points kept (between drawing points, most often). */
  keptStart: latLon.optional(),
  keptEnd: latLon.optional(),
  distanceM: z.number().optional(),
  pointsBefore: z.number().int().nonnegative(),
  pointsAfter: z.number().int().nonnegative(),
  /** What was dropped and why ("Camera clean-up dropped 12 points without a fix…"). */
  notes: z.array(z.string()).max(20),
  /** Why Strava would get nothing ("nothing left after trimming 1,500 m from each end"). */
  refusal: z.string().optional(),
});
export type ShapePreview = z.infer<typeof shapePreviewSchema>;

/** One of the athlete's bikes or shoes, as the Edit panel offers it. */
export const gearOptionSchema = z.object({
  id: z.string().regex(gearIdPattern),
  name: z.string().max(200),
  kind: z.enum(['bike', 'shoe']),
});
export type GearOption = z.infer<typeof gearOptionSchema>;

/** `athlete:gear`: the athlete's bikes and shoes (needs `profile:read_all`). */
export const athleteGearSchema = z.object({ gear: z.array(gearOptionSchema).max(500) });

/** Scopes a user may add to a Strava sign-in, each for one feature: gear needs the profile. */
export const extraStravaScopeSchema = z.enum(['profile:read_all']);
export type ExtraStravaScope = z.infer<typeof extraStravaScopeSchema>;
