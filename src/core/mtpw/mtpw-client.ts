import { z } from 'zod';
import { UploadError } from '../errors/upload-error';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { parseJsonBody } from '../http/parse-json';
import { checkedInput } from '../validation/checked-input';
import type { MtpwTokenStore } from './mtpw-token-store';

const uuidInput = z.uuid();
const createInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    transportType: z.string().min(1).max(100),
    description: z.string().max(10_000).optional(),
    tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  })
  .strict();
export type CreateSequenceInput = z.input<typeof createInput>;

const createdSchema = z.union([
  z.object({ status: z.literal('success'), unique_id: z.uuid(), message: z.string().optional() }),
  z.object({ status: z.literal(false), error: z.unknown() }),
]);
const importedSchema = z.union([
  z.object({ status: z.literal(true), message: z.string().optional() }),
  z.object({ status: z.literal(false), error: z.unknown() }),
]);

const mtpwError = (message: string, retryable: boolean, status?: number, detail?: string) =>
  new UploadError({
    kind: 'mtpw',
    message,
    retryable,
    ...(status !== undefined ? { status } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });

/** Map the Paths Web: create a sequence, and tell it which Strava activity a sequence is. */
export class MtpwClient {
  constructor(
    private readonly http: HttpClient,
    private readonly baseUrl: string,
    private readonly tokens: MtpwTokenStore,
  ) {}

  /** Creates an MTPW sequence and returns its unique id (a uuid). */
  async createSequence(input: CreateSequenceInput): Promise<string> {
    const valid = checkedInput(createInput, input, 'The Map the Paths sequence');
    const form: Record<string, string> = { name: valid.name, transport_type: valid.transportType };
    if (valid.description !== undefined) form.description = valid.description;
    if (valid.tags?.length) form.tag = valid.tags.join(',');
    const response = await this.send('POST', '/api/v1/sequence/create', { form });
    const body = parseJsonBody(response.text, createdSchema, {
      service: 'Map the Paths',
      what: 'the new sequence',
      kind: 'mtpw',
    });
    // MTPW reports validation errors with HTTP 200 and status false.
    if (body.status === false)
      throw mtpwError(`Map the Paths refused the sequence: ${describe(body.error)}`, false, 200);
    return body.unique_id;
  }

  /** Marks an MTPW sequence as on Strava, storing the activity id it links to. */
  async markOnStrava(sequenceId: string, activityId: string): Promise<void> {
    const uuid = checkedInput(uuidInput, sequenceId, 'The Map the Paths sequence id');
    const activity = checkedInput(
      z.string().regex(/^\d{1,50}$/),
      activityId,
      'The Strava activity id',
    );
    const response = await this.send('PUT', `/api/v1/sequence/import/${uuid}/`, {
      json: { strava: activity },
    });
    const body = parseJsonBody(response.text, importedSchema, {
      service: 'Map the Paths',
      what: 'the sequence update',
      kind: 'mtpw',
    });
    if (body.status === false)
      throw mtpwError(`Map the Paths refused the update: ${describe(body.error)}`, false, 200);
  }

  private async send(
    method: 'POST' | 'PUT',
    path: string,
    body: { form?: Record<string, string>; json?: unknown },
  ): Promise<HttpResponse> {
    const token = await this.tokens.load();
    if (!token)
      throw new UploadError({
        kind: 'auth',
        message: 'Map the Paths is not connected. Connect Map the Paths first.',
        retryable: false,
      });
    const response = await this.http.send({
      method,
      url: `${this.baseUrl.replace(/\/+$/, '')}${path}`,
      headers: { authorization: `Bearer ${token.accessToken}`, accept: 'application/json' },
      ...body,
    });
    if (response.status === 200 || response.status === 201) return response;
    if (response.status === 401 || response.status === 403) {
      throw new UploadError({
        kind: 'auth',
        message: 'Map the Paths no longer accepts this sign-in. Please reconnect Map the Paths.',
        retryable: false,
        status: response.status,
      });
    }
    if (response.status >= 500) {
      // An unknown sequence id also ends in an HTML 500 there, so a retry may not help; retries stay bounded.
      throw mtpwError(
        'Map the Paths could not update this sequence right now (server error). It will be tried again.',
        true,
        response.status,
        response.text.slice(0, 200),
      );
    }
    throw mtpwError(
      `Map the Paths refused the request (HTTP ${response.status}).`,
      false,
      response.status,
      response.text.slice(0, 200),
    );
  }
}

function describe(error: unknown): string {
  if (typeof error === 'string' && error.trim()) return error;
  return JSON.stringify(error) ?? 'no reason given';
}
