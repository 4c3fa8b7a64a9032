import { Readable } from 'node:stream';
import { FormDataEncoder, type FileLike } from 'form-data-encoder';
import type { HttpRequest } from './http-client';

/** What goes on the wire: the headers that describe the body, and the body itself. */
export interface RequestBody {
  headers: Record<string, string>;
  payload?: Buffer | Readable;
}

/** Multipart bodies up to this size go out as one buffer; larger ones stream. */
const bufferedBodyBytes = 4 * 1024 * 1024;

/** Encodes a request's form, JSON or multipart body; a multipart one afresh on every call. */
export async function requestBody(request: HttpRequest): Promise<RequestBody> {
  if (request.multipart) {
    const encoder = new FormDataEncoder(request.multipart);
    return { headers: { ...encoder.headers }, payload: await multipartPayload(encoder) };
  }
  if (request.form) {
    return sized('application/x-www-form-urlencoded', new URLSearchParams(request.form).toString());
  }
  if (request.json !== undefined) return sized('application/json', JSON.stringify(request.json));
  return { headers: {} };
}

function sized(type: string, text: string): RequestBody {
  const payload = Buffer.from(text);
  return {
    headers: { 'content-type': type, 'content-length': String(payload.length) },
    payload,
  };
}

/**
 * A small body is sent as one buffer: streamed, each little part of the multipart
 * became a socket write of its own. A large one streams, so memory stays flat.
 */
async function multipartPayload(encoder: FormDataEncoder): Promise<Buffer | Readable> {
  // An unknown length (NaN) streams too: only a body known to be small is held whole.
  if (!(Number(encoder.contentLength) <= bufferedBodyBytes)) return Readable.from(encoder.encode());
  // The encoder's parts, with each file read as directly as it allows: its encode()
  // reads every file through a web ReadableStream, which cost as much CPU as all the
  // rest of a small upload's body (0.1 ms of 0.2 per upload, more before the JIT warms).
  const chunks: Uint8Array[] = [];
  for (const part of encoder.values()) {
    if (part instanceof Uint8Array) chunks.push(part);
    else chunks.push(...(await fileBytes(part)));
  }
  return Buffer.concat(chunks);
}

/** A file part's bytes: at once from an in-memory File, else from its stream. */
async function fileBytes(file: FileLike): Promise<Uint8Array[]> {
  if (hasArrayBuffer(file)) return [new Uint8Array(await file.arrayBuffer())];
  const chunks: Uint8Array[] = [];
  // A DiskFile streams an async generator; Node's web ReadableStream is async iterable too.
  for await (const chunk of file.stream() as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
}

const hasArrayBuffer = (
  file: FileLike,
): file is FileLike & { arrayBuffer(): Promise<ArrayBuffer> } =>
  typeof (file as { arrayBuffer?: unknown }).arrayBuffer === 'function';
