import { z } from 'zod';

const text = z.string({ error: 'expected text' });
const idLike = z.union([z.string(), z.number()], { error: 'expected an id (text or a number)' });

/**
 * The part of `<name>.json` the app reads. Only the fields used are checked; the
 * uploader writes many more (`photo`, `distance_km`, tokens…) and they pass through.
 * `sequence.id` is the uploader's own local uuid, NOT an MTPW id: the MTPW id is
 * `destination.mtp`, which the uploader sets once MTPW has created the sequence.
 */
export const sequenceFileSchema = z.looseObject(
  {
    sequence: z.looseObject(
      {
        uploader_sequence_name: text.nullish(),
        uploader_sequence_description: text.nullish(),
        uploader_transport_type: text.nullish(),
        uploader_transport_method: text.nullish(),
        uploader_tags: z.array(text, { error: 'expected a list of words' }).nullish(),
        earliest_time: text.nullish(),
        latest_time: text.nullish(),
        destination: z
          .looseObject(
            {
              // A uuid, or `true` once the uploader finished with MTPW.
              mtp: z
                .union([z.string(), z.boolean()], { error: 'expected a uuid or true' })
                .nullish(),
              // The upload id (the uploader writes a number), or `true` once done.
              strava: z
                .union([z.string(), z.number(), z.boolean()], {
                  error: 'expected an upload id or true',
                })
                .nullish(),
            },
            { error: 'expected an object' },
          )
          .nullish(),
      },
      { error: 'expected an object' },
    ),
  },
  { error: 'expected an object with a "sequence" object' },
);

export type SequenceFile = z.infer<typeof sequenceFileSchema>;

/**
 * `upload_strava.json` as the MTP Desktop Uploader writes it: `status` `PENDING` right
 * after the upload was sent, `TRUE` once done (the original wrote it too early),
 * `data` the upload id (a number in its files). `activity_id` is this app's addition.
 */
export const stravaMarkerSchema = z.looseObject(
  {
    sequence: text.nullish(),
    status: text.nullish(),
    data: idLike.nullish(),
    activity_id: idLike.nullish(),
  },
  { error: 'expected an object' },
);

/** The field a zod issue is about, as a dotted path (`sequence.uploader_tags.0`); '' for the whole file. */
export function issueField(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}
