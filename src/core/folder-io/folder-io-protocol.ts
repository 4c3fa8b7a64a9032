import { z } from 'zod';
import { uploadErrorDataSchema } from '../../shared/upload-error-data';
import { assertNever } from '../errors/assert-never';
import { UploadError } from '../errors/upload-error';
import type { FolderIo } from './folder-io';

const markerTargetSchema = z.object({
  folder: z.string(),
  name: z.string(),
  kind: z.enum(['mtp', 'plain']),
  jsonPath: z.string().optional(),
});

/** One call, from the pipeline's thread to the worker: a FolderIo method and its arguments. */
export const folderIoRequestSchema = z.discriminatedUnion('op', [
  z.object({ id: z.number(), op: z.literal('readAndCheck'), args: z.tuple([z.string()]) }),
  z.object({ id: z.number(), op: z.literal('readFolder'), args: z.tuple([z.string()]) }),
  z.object({
    id: z.number(),
    op: z.literal('gzipTrack'),
    args: z.tuple([z.string(), z.string(), z.number()]),
  }),
  z.object({
    id: z.number(),
    op: z.literal('markPending'),
    args: z.tuple([markerTargetSchema, z.string()]),
  }),
  z.object({
    id: z.number(),
    op: z.literal('markSent'),
    args: z.tuple([markerTargetSchema, z.object({ uploadId: z.string(), activityId: z.string() })]),
  }),
]);
export type FolderIoRequest = z.infer<typeof folderIoRequestSchema>;

/** Runs one call on `io` (in the worker, the folder code on that thread). */
export function serveRequest(io: FolderIo, request: FolderIoRequest): Promise<unknown> {
  switch (request.op) {
    case 'readAndCheck':
      return io.readAndCheck(...request.args);
    case 'readFolder':
      return io.readFolder(...request.args);
    case 'gzipTrack':
      return io.gzipTrack(...request.args);
    case 'markPending':
      return io.markPending(...request.args);
    case 'markSent':
      return io.markSent(...request.args);
    default:
      return assertNever(request, 'folder call');
  }
}

/**
 * The worker's answer to one call: its value, the UploadError it threw as data, or
 * a bug (anything else thrown), whose text goes to the log and becomes an
 * `internal` failure on the pipeline's side, as a bug there would.
 */
export const folderIoAnswerSchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: uploadErrorDataSchema }),
  z.object({ id: z.number(), ok: z.literal(false), bug: z.string() }),
]);
export type FolderIoAnswer = z.infer<typeof folderIoAnswerSchema>;

/** The answer for something a call threw. */
export function failedAnswer(id: number, thrown: unknown): FolderIoAnswer {
  if (thrown instanceof UploadError) return { id, ok: false, error: thrown.toJSON() };
  const bug = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  return { id, ok: false, bug };
}

/** What the pipeline's side throws for a failed answer. */
export function thrownFor(answer: Extract<FolderIoAnswer, { ok: false }>): Error {
  if ('error' in answer) return new UploadError(answer.error);
  const error = new Error(answer.bug.split('\n')[0] ?? 'folder worker bug');
  error.stack = answer.bug;
  return error;
}
