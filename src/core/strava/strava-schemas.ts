import { z } from 'zod';

/** Ids exceed 32 bits; we keep every id as a decimal string. */
export const idString = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform(String);

export const faultSchema = z.object({
  message: z.string().optional(),
  errors: z
    .array(
      z.object({
        resource: z.string().optional(),
        field: z.string().optional(),
        code: z.string().optional(),
      }),
    )
    .optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export const athleteSummarySchema = z
  .object({
    id: idString,
    username: z.string().nullish(),
    firstname: z.string().nullish(),
    lastname: z.string().nullish(),
  })
  .loose();
export type AthleteSummary = z.infer<typeof athleteSummarySchema>;

export const tokenResponseSchema = z.object({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.number().int().positive(),
  expires_in: z.number().int().optional(),
  athlete: athleteSummarySchema.optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const uploadSchema = z.object({
  id: z.number().int().optional(),
  id_str: z.string().regex(/^\d+$/),
  external_id: z.string().nullish(),
  error: z.string().nullish(),
  status: z.string(),
  activity_id: idString.nullish(),
});
export type StravaUpload = z.infer<typeof uploadSchema>;

const activityFields = {
  id: idString,
  external_id: z.string().nullish(),
  upload_id_str: z.string().nullish(),
  upload_id: idString.nullish(),
  name: z.string().optional(),
  sport_type: z.string().optional(),
  start_date: z.string().optional(),
};

/** One activity, with every field Strava sent (the fields we read are checked). */
export const activitySchema = z.object(activityFields).loose();
export type StravaActivity = z.infer<typeof activitySchema>;

/**
 * A page of the activity list keeps only the fields we read: a page holds up to 200
 * activities of some 50 fields each and is listed again while uploads wait, and
 * copying the rest was the largest single allocation of a batch (31 KB per upload
 * at 1,000 in bench/scale.ts, a tenth of all the pipeline allocated).
 */
export const activityListSchema = z.array(z.object(activityFields));
export type ListedActivity = z.infer<typeof activityListSchema>[number];
