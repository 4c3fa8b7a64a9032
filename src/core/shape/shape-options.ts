import { z } from 'zod';
import { SPORT_TYPES } from '../../shared/sport-types';
import { gearIdPattern } from '../../shared/shape-request';
import { maxTimeOffsetS } from '../../shared/time-offset-text';
import { nameTemplateProblem } from './name-template';

export { gearIdPattern, maxTimeOffsetS };

/** A circle around a private place: points inside it at either end of a track are not sent. */
export const privacyZoneSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  radiusM: z.number().positive().finite(),
});
export type PrivacyZone = z.infer<typeof privacyZoneSchema>;

/**
 * How a sequence is shaped before it is sent, journaled with its item so that a resumed
 * or retried item sends exactly the same track. Every field defaults to "leave as is".
 */
export const shapeOptionsSchema = z.strictObject({
  trimStartM: z.number().min(0).finite().default(0),
  trimEndM: z.number().min(0).finite().default(0),
  privacyZones: z.array(privacyZoneSchema).max(100).default([]),
  timeOffsetS: z.number().int().min(-maxTimeOffsetS).max(maxTimeOffsetS).default(0),
  /** Overrides the transport's sport; undefined keeps the mapping. */
  sportType: z.enum(SPORT_TYPES).optional(),
  /** Undefined keeps the sequence's own name. */
  nameTemplate: z
    .string()
    .max(200)
    .superRefine((template, ctx) => {
      const problem = nameTemplateProblem(template);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** A literal name for the activity (the app's Edit panel); it wins over `nameTemplate`. */
  name: z.string().trim().min(1).max(200).optional(),
  /** A literal description; empty sends none. Undefined keeps the sequence's own. */
  description: z.string().max(5000).optional(),
  hideFromHome: z.boolean().default(false),
  commute: z.boolean().default(false),
  gearId: z.string().regex(gearIdPattern).optional(),
  /** Camera clean-up: no-fix points, repeated times, single-point spikes. */
  clean: z.boolean().default(false),
  /** `<base>_part_<N>` folders become one activity. */
  mergeParts: z.boolean().default(false),
});
export type ShapeOptions = z.infer<typeof shapeOptionsSchema>;
/** What a caller may pass: any field left out takes its default. */
export type ShapeOptionsInput = z.input<typeof shapeOptionsSchema>;

/** Options that change nothing: what an item without any shaping carries. */
export const defaultShapeOptions: ShapeOptions = shapeOptionsSchema.parse({});

/** Whether the options change the track itself (so a working copy must be written). */
export function shapesTrack(options: ShapeOptions): boolean {
  return (
    options.trimStartM > 0 ||
    options.trimEndM > 0 ||
    options.privacyZones.length > 0 ||
    options.timeOffsetS !== 0 ||
    options.clean
  );
}

/** Whether the options need a `PUT /activities/{id}` after the upload (it costs a read). */
export function needsActivityUpdate(options: ShapeOptions): boolean {
  return options.hideFromHome || options.gearId !== undefined;
}
