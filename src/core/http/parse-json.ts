import type { z } from 'zod';
import { UploadError, type ErrorKind } from '../errors/upload-error';

/**
 * Parses a response body we depend on; a body of the wrong shape is a server
 * fault (retryable), never a crash deeper in the app.
 */
export function parseJsonBody<T>(
  text: string,
  schema: z.ZodType<T>,
  context: { service: string; what: string; kind?: ErrorKind },
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw unexpected(context, 'the answer was not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw unexpected(
      context,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** Parses JSON when possible, for error bodies that may be HTML or empty. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unexpected(
  context: { service: string; what: string; kind?: ErrorKind },
  detail: string,
): UploadError {
  return new UploadError({
    kind: context.kind ?? 'server',
    message: `${context.service} sent an answer the app does not understand (${context.what}). It will be tried again.`,
    retryable: true,
    detail,
  });
}
