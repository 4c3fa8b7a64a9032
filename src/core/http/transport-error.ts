import { UploadError } from '../errors/upload-error';
import type { HttpRequest } from './http-client';

const waitedFor = { connect: 'a connection', response: 'an answer', idle: 'the next byte' };

/** A request that went quiet past one of the client's time limits. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(
    readonly phase: keyof typeof waitedFor,
    readonly limitMs: number,
  ) {
    super(`no ${waitedFor[phase]} within ${limitMs} ms`);
  }
}

/** Turns a transport failure (socket, timeout, abort) into an UploadError a person can read. */
export function transportError(error: unknown, request: HttpRequest): UploadError {
  // Already in words: a file part that changed while the body was read.
  if (error instanceof UploadError) return error;
  const { host, pathname } = new URL(request.url);
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const detail = [`${request.method} ${pathname}:`, code, message].filter(Boolean).join(' ');
  const cause = { cause: error };
  if (error instanceof Error && (error.name === 'AbortError' || code === 'ABORT_ERR')) {
    return new UploadError(
      { kind: 'cancelled', message: 'Cancelled.', retryable: true, detail },
      cause,
    );
  }
  if (error instanceof HttpTimeoutError) {
    return new UploadError(
      {
        kind: 'timeout',
        message: `${host} took too long to answer. It will be tried again.`,
        retryable: true,
        detail,
      },
      cause,
    );
  }
  return new UploadError(
    {
      kind: 'network',
      message: `Could not reach ${host}. Check your internet connection; it will be tried again.`,
      retryable: true,
      detail,
    },
    cause,
  );
}
