import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, HttpTimeouts, UploadProgress } from './http-client';
import type { RequestBody } from './request-body';
import { HttpTimeoutError } from './transport-error';

/** node:http's or node:https's `request`, with the agent that keeps its sockets. */
export interface Transport {
  request: (url: URL, options: RequestOptions) => ClientRequest;
  agent: Agent;
}

/** Everything one exchange needs besides the body. */
export interface ExchangeOptions {
  method: HttpRequest['method'];
  headers: Record<string, string>;
  transport: Transport;
  timeouts: HttpTimeouts;
  signal?: AbortSignal;
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** Writes of a buffered body are this size, so upload progress moves as the socket takes them. */
const sliceBytes = 64 * 1024;

/**
 * Sends one request and reads the whole answer as text. Resolves for every HTTP
 * status; rejects with the transport's error (or an HttpTimeoutError).
 */
export function exchange(
  url: URL,
  body: RequestBody,
  options: ExchangeOptions,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = options.transport.request(url, {
      method: options.method,
      headers: { ...options.headers, ...body.headers },
      agent: options.transport.agent,
      // Node's socket timeout is an idle timer: it fires after this long without a byte either way.
      timeout: options.timeouts.idleMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const timers: Partial<Record<'connect' | 'response', NodeJS.Timeout>> = {};
    // Once an answer (or an error) is in, no limit may start: it would destroy a socket the agent keeps.
    let settled = false;
    const limit = (phase: 'connect' | 'response', ms: number): void => {
      if (settled) return;
      timers[phase] = setTimeout(() => req.destroy(new HttpTimeoutError(phase, ms)), ms);
    };
    const settle = () => {
      settled = true;
      clearTimeout(timers.connect);
      clearTimeout(timers.response);
    };
    req.on('timeout', () => req.destroy(new HttpTimeoutError('idle', options.timeouts.idleMs)));
    req.on('socket', (socket) => {
      // A kept-alive socket is connected already; only a new one gets the connect limit.
      if (!socket.connecting) return;
      limit('connect', options.timeouts.connectMs);
      socket.once('connect', () => clearTimeout(timers.connect));
    });
    req.on('error', (error) => {
      settle();
      reject(error);
    });
    req.on('response', (res) => {
      settle();
      readText(res).then(resolve, (error: unknown) => {
        req.destroy();
        reject(asError(error));
      });
    });
    const sent = () => limit('response', options.timeouts.responseMs);
    writeBody(req, body.payload, options.onUploadProgress).then(sent, (error: unknown) =>
      req.destroy(asError(error)),
    );
  });
}

const asError = (thrown: unknown): Error =>
  thrown instanceof Error ? thrown : new Error(String(thrown));

/** Writes the body (if any) and ends the request; resolves once the last byte is handed to the socket. */
async function writeBody(
  req: ClientRequest,
  payload: Buffer | Readable | undefined,
  onProgress: ExchangeOptions['onUploadProgress'],
): Promise<void> {
  const total = payload === undefined ? 0 : Buffer.isBuffer(payload) ? payload.length : undefined;
  let transferred = 0;
  const written = (bytes: number) => () => {
    transferred += bytes;
    onProgress?.({ transferred, ...(total !== undefined ? { total } : {}) });
  };
  onProgress?.({ transferred: 0, ...(total !== undefined ? { total } : {}) });
  if (Buffer.isBuffer(payload)) {
    for (let at = 0; at < payload.length; at += sliceBytes) {
      const slice = payload.subarray(at, at + sliceBytes);
      req.write(slice, written(slice.length));
    }
  } else if (payload !== undefined) {
    for await (const chunk of payload as AsyncIterable<Buffer>) {
      if (req.destroyed) return;
      if (!req.write(chunk, written(chunk.length))) await drained(req);
    }
  }
  await new Promise<void>((resolve) => req.end(resolve));
}

function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

/** The answer's body as UTF-8 text; rejects if the connection ends before the body does. */
function readText(res: IncomingMessage): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: Buffer.concat(chunks).toString('utf8'),
      }),
    );
    res.on('close', () => {
      if (!res.complete)
        reject(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
    });
  });
}
