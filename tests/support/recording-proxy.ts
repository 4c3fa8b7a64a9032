import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

/** Small bodies (forms, JSON, answers) are kept up to this size; larger ones are cut. */
const KEEP_BYTES = 1024 * 1024;

/** One field of a recorded form: a text value, or a file part reduced to its size. */
export type RecordedFormField =
  | { name: string; kind: 'text'; value: string }
  | { name: string; kind: 'file'; filename: string; bytes: number };

/** One request that went through the proxy, and what came back. */
export interface RecordedExchange {
  method: string;
  /** The path without the query, e.g. `/api/v3/uploads/8919699501`. */
  path: string;
  /** Query parameters in order, repeated names kept. */
  query: [string, string][];
  contentType: string | undefined;
  /** The Authorization scheme only (`Bearer`, `Basic`): credentials are never recorded. */
  authScheme: string | undefined;
  /** Url-encoded or multipart fields; empty for other bodies. */
  formFields: RecordedFormField[];
  /** The parsed JSON body, or undefined when the body was not JSON. */
  json: unknown;
  /** 0 when the upstream dropped the connection. */
  status: number;
  responseHeaders: IncomingHttpHeaders;
  responseBody: string;
}

/** A recording HTTP proxy in front of the simulator. */
export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`: use it wherever the simulator's URL would go. */
  url: string;
  /** Every finished exchange, in the order the answers ended. */
  readonly exchanges: RecordedExchange[];
  /** Forgets the exchanges recorded so far. */
  clear(): void;
  /** Stops listening and ends every connection. */
  close(): Promise<void>;
}

/** Collects up to KEEP_BYTES of a stream's data while it flows elsewhere. */
function collect(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size < KEEP_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  return new Promise((resolve) => {
    stream.once('end', () => resolve(Buffer.concat(chunks).subarray(0, KEEP_BYTES)));
    stream.once('error', () => resolve(Buffer.concat(chunks)));
  });
}

/** Reads the multipart fields of a tee'd request copy with busboy, counting file bytes. */
function multipartFields(req: IncomingMessage): Promise<RecordedFormField[]> {
  return new Promise((resolve) => {
    const fields: RecordedFormField[] = [];
    const parser = busboy({ headers: req.headers });
    parser.on('field', (name, value) => fields.push({ name, kind: 'text', value }));
    parser.on('file', (name, stream, info) => {
      const file = { name, kind: 'file' as const, filename: info.filename ?? '', bytes: 0 };
      fields.push(file);
      stream.on('data', (chunk: Buffer) => {
        file.bytes += chunk.length;
      });
    });
    parser.on('close', () => resolve(fields));
    parser.on('error', () => resolve(fields));
    req.pipe(parser);
  });
}

/** What the request body says: form fields or JSON, parsed from a copy of the stream. */
async function readRequestBody(
  req: IncomingMessage,
): Promise<Pick<RecordedExchange, 'formFields' | 'json'>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    return { formFields: await multipartFields(req), json: undefined };
  }
  const text = (await collect(req)).toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const fields = [...new URLSearchParams(text)].map(([name, value]): RecordedFormField => ({
      name,
      kind: 'text',
      value,
    }));
    return { formFields: fields, json: undefined };
  }
  if (type.startsWith('application/json')) {
    try {
      return { formFields: [], json: JSON.parse(text) as unknown };
    } catch {
      return { formFields: [], json: undefined };
    }
  }
  return { formFields: [], json: undefined };
}

/**
 * Starts a proxy on 127.0.0.1 (a free port) that forwards every request to
 * `targetUrl` and records it. Bodies stream through unchanged (uploads can be
 * large); the recording reads a tee'd copy. An exchange is recorded before its
 * answer ends, so a client that got its answer finds it in `exchanges`.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const exchanges: RecordedExchange[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', target);
    const body = readRequestBody(req);
    const base = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams],
      contentType: req.headers['content-type'],
      authScheme: req.headers.authorization?.split(/\s+/)[0],
    };
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: base.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        const text = collect(answer);
        answer.pipe(res, { end: false });
        answer.once('end', () => {
          void Promise.all([body, text]).then(([parsed, buffer]) => {
            exchanges.push({
              ...base,
              ...parsed,
              status: answer.statusCode ?? 0,
              responseHeaders: answer.headers,
              responseBody: buffer.toString('utf8'),
            });
            res.end();
          });
        });
        // The upstream died mid-answer: the client must see a broken answer too.
        answer.once('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      void body.then((parsed) => {
        exchanges.push({ ...base, ...parsed, status: 0, responseHeaders: {}, responseBody: '' });
        res.destroy();
      });
    });
    req.pipe(upstream);
  };

  const server = createServer(forward);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    clear() {
      exchanges.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
