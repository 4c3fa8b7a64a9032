import { z } from 'zod';

/** Every way an upload step can fail, as the UI groups them. */
export const errorKinds = [
  'auth',
  'scope',
  'config',
  'app-inactive',
  /** The Strava API app has as many athletes as Strava allows: the user needs an app of their own. */
  'athlete-cap',
  'rate-limit',
  'network',
  'timeout',
  'server',
  'invalid-gpx',
  'invalid-input',
  'invalid-folder',
  'duplicate',
  'not-found',
  'processing',
  'mtpw',
  'cancelled',
  /** A bug in the app (a thrown TypeError, say): not retried, its stack goes to the log only. */
  'internal',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

/** An error as it crosses IPC and sits in the journal: plain data a person can read. */
export const uploadErrorDataSchema = z.object({
  kind: z.enum(errorKinds),
  message: z.string(),
  retryable: z.boolean(),
  /** HTTP status that caused it, when there was one. */
  status: z.number().optional(),
  /** Epoch ms before which a retry is pointless (rate-limit windows). */
  retryAt: z.number().optional(),
  /** Technical detail for logs and bug reports; never a secret. */
  detail: z.string().optional(),
  /** For a refused form: field path (`uploads.concurrency`) → why, in words. */
  fields: z.record(z.string(), z.string()).optional(),
});

export type UploadErrorData = z.infer<typeof uploadErrorDataSchema>;
