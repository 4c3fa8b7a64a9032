import type { IncomingMessage } from 'node:http';

/** Largest non-multipart body the simulator reads; forms and JSON here are tiny. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a whole (small) request body. Bigger bodies are cut off rather than buffered. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** A request's parameters: query string first, then the body's fields on top. */
export type RequestFields = Record<string, unknown>;

/**
 * Reads parameters from the query string and a url-encoded or JSON body.
 * Strava's token endpoint and `PUT /activities/{id}` take all three forms, so routes
 * read fields without caring how they came. A body that is not valid JSON adds nothing.
 */
export async function readFields(req: IncomingMessage, url: URL): Promise<RequestFields> {
  const fields: RequestFields = Object.fromEntries(url.searchParams);
  const body = (await readBody(req)).toString('utf8');
  if (body.trim() === '') return fields;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { ...fields, ...(parsed as Record<string, unknown>) };
      }
    } catch {
      // A malformed JSON body is treated as empty, leaving validation to the route.
    }
    return fields;
  }
  for (const [k, v] of new URLSearchParams(body)) fields[k] = v;
  return fields;
}

/** A field as a string, or undefined when absent or not a scalar. */
export function fieldString(fields: RequestFields, name: string): string | undefined {
  const v = fields[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The bearer token of the `Authorization` header, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}
