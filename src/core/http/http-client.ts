import { Readable } from 'node:stream';
import { FormDataEncoder } from 'form-data-encoder';
import type { FormData } from 'formdata-node';
import got, { RequestError, type Got, type Method, type Headers, type Progress } from 'got';
import { UploadError } from '../errors/upload-error';

/** How long the client waits, per request. Stalls past these become `timeout` errors. */
export interface HttpTimeouts {
  /** TCP connect. */
  connectMs: number;
  /** From the end of the request body to the first byte of the answer. */
  responseMs: number;
  /** Longest silence on the socket while sending or receiving. */
  idleMs: number;
}

export const defaultTimeouts: HttpTimeouts = {
  connectMs: 10_000,
  responseMs: 60_000,
  idleMs: 60_000,
};

/** One request, as the API clients describe it. */
export interface HttpRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  json?: unknown;
  /** A multipart body, built afresh for every try (streams cannot be replayed); file parts stream from disk. */
  multipart?: FormData;
  searchParams?: Record<string, string>;
  onUploadProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** What came back: status, headers and the raw text (parsed by the caller with zod). */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends requests; implemented over got, replaceable in tests. */
export interface HttpClient {
  /** Resolves for every HTTP status; rejects with an UploadError only for transport failures. */
  send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * An HttpClient over got. Retries are off here on purpose: the pipeline owns the
 * retry policy (it knows the rate-limit budget and the journal), and got cannot
 * replay a streamed POST body anyway.
 */
export function createHttpClient(
  options: { timeouts?: HttpTimeouts; userAgent?: string } = {},
): HttpClient {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const client: Got = got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    timeout: {
      connect: timeouts.connectMs,
      response: timeouts.responseMs,
      socket: timeouts.idleMs,
    },
    headers: { 'user-agent': options.userAgent ?? 'mtp-strava-uploader' },
  });

  return {
    async send(request) {
      try {
        const encoder = request.multipart ? new FormDataEncoder(request.multipart) : undefined;
        const headers = { ...request.headers, ...encoder?.headers };
        const body = encoder ? await multipartBody(encoder) : undefined;
        const pending = client(request.url, {
          method: request.method,
          headers,
          ...(request.form ? { form: request.form } : {}),
          ...(request.json !== undefined ? { json: request.json } : {}),
          // The encoder knows the length up front, so Strava gets a Content-Length and got reports progress.
          ...(body ? { body } : {}),
          ...(request.searchParams ? { searchParams: request.searchParams } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        });
        if (request.onUploadProgress) void pending.on('uploadProgress', request.onUploadProgress);
        const response = await pending;
        return { status: response.statusCode, headers: response.headers, text: response.body };
      } catch (error) {
        throw transportError(error, request);
      }
    },
  };
}

/** Multipart bodies up to this size go out as one buffer; larger ones stream. */
const bufferedBodyBytes = 4 * 1024 * 1024;

/**
 * A small body is sent as one buffer: streamed, each little part of the multipart
 * became a socket write of its own. A large one streams, so memory stays flat.
 */
async function multipartBody(encoder: FormDataEncoder): Promise<Buffer | Readable> {
  // An unknown length (NaN) streams too: only a body known to be small is held whole.
  if (!(Number(encoder.contentLength) <= bufferedBodyBytes)) return Readable.from(encoder.encode());
  const chunks: Uint8Array[] = [];
  for await (const chunk of encoder.encode()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Turns a got transport failure into an UploadError a person can read. */
function transportError(error: unknown, request: HttpRequest): UploadError {
  // Already in words: a file part that changed while the body was read.
  if (error instanceof UploadError) return error;
  const where = new URL(request.url).host;
  if (error instanceof RequestError) {
    const detail = `${request.method} ${new URL(request.url).pathname}: ${error.code} ${error.message}`;
    if (error.name === 'AbortError' || error.code === 'ERR_ABORTED') {
      return new UploadError(
        { kind: 'cancelled', message: 'Cancelled.', retryable: true, detail },
        { cause: error },
      );
    }
    if (error.name === 'TimeoutError' || error.code === 'ETIMEDOUT') {
      return new UploadError(
        {
          kind: 'timeout',
          message: `${where} took too long to answer. It will be tried again.`,
          retryable: true,
          detail,
        },
        { cause: error },
      );
    }
    return new UploadError(
      {
        kind: 'network',
        message: `Could not reach ${where}. Check your internet connection; it will be tried again.`,
        retryable: true,
        detail,
      },
      { cause: error },
    );
  }
  return new UploadError(
    {
      kind: 'network',
      message: `Could not reach ${where}.`,
      retryable: true,
      detail: String(error),
    },
    { cause: error },
  );
}
