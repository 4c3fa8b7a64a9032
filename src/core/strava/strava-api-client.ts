import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { File, FormData } from 'formdata-node';
import { z } from 'zod';
import { UploadError } from '../errors/upload-error';
import { DiskFile } from '../http/disk-file';
import type { HttpClient, HttpRequest, HttpResponse, UploadProgress } from '../http/http-client';
import { parseJsonBody, tryParseJson } from '../http/parse-json';
import type { Clock } from '../ports';
import { checkedInput } from '../validation/checked-input';
import type { RateLimitTracker, RequestKind } from './rate-limit-tracker';
import { stravaFaultError } from './strava-fault';
import {
  activityListSchema,
  activitySchema,
  athleteSummarySchema,
  faultSchema,
  uploadSchema,
  type AthleteSummary,
  type ListedActivity,
  type StravaActivity,
  type StravaUpload,
} from './strava-schemas';
import { athleteGearSchema, type AthleteGear } from './strava-gear';
import type { StravaSession } from './strava-session';
import { timeSlot } from '../../shared/timed-words';

export const dataTypes = ['fit', 'fit.gz', 'tcx', 'tcx.gz', 'gpx', 'gpx.gz'] as const;
const idInput = z.string().regex(/^\d{1,20}$/, 'an id is a decimal number');

const uploadInput = z
  .object({
    /** The file to stream from disk, or `fileBytes` (a small track gzipped in memory). */
    filePath: z.string().min(1).optional(),
    fileBytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array).optional(),
    fileName: z.string().min(1).max(255).optional(),
    dataType: z.enum(dataTypes),
    name: z.string().max(255).optional(),
    description: z.string().max(10_000).optional(),
    externalId: z.string().max(255).optional(),
    sportType: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .optional(),
    trainer: z.boolean().optional(),
    commute: z.boolean().optional(),
  })
  .strict()
  .refine((input) => (input.filePath === undefined) !== (input.fileBytes === undefined), {
    message: 'give the file as a path or as bytes, not both',
  });
export type UploadInput = z.input<typeof uploadInput>;

const listInput = z
  .object({
    after: z.number().int().nonnegative().optional(),
    before: z.number().int().nonnegative().optional(),
    page: z.number().int().min(1).default(1),
    perPage: z.number().int().min(1).max(200).default(200),
  })
  .strict();

const updateInput = z
  .object({
    name: z.string().max(255),
    description: z.string().max(10_000),
    sport_type: z.string().regex(/^[A-Za-z]+$/),
    commute: z.boolean(),
    trainer: z.boolean(),
    hide_from_home: z.boolean(),
    gear_id: z.string().max(64),
  })
  .partial()
  .strict();
export type ActivityUpdate = z.infer<typeof updateInput>;

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Strava's API v3 for the uploader: uploads streamed from disk, upload status,
 * the athlete, activity listing and updates. Every call goes through the rate-limit
 * tracker and retries once, with a refreshed token, after a 401.
 */
export class StravaApiClient {
  constructor(
    private readonly http: HttpClient,
    private readonly apiBase: string,
    private readonly session: StravaSession,
    private readonly rateLimits: RateLimitTracker,
    private readonly clock: Clock,
  ) {}

  /** Posts a track file as multipart (streamed from disk, or bytes in memory); a fresh body is built for each try. */
  async upload(
    input: UploadInput,
    options: CallOptions & { onProgress?: (p: UploadProgress) => void } = {},
  ): Promise<StravaUpload> {
    const valid = checkedInput(uploadInput, input, 'The upload request');
    const { filePath, fileBytes } = valid;
    if (filePath !== undefined && !(await stat(filePath).catch(() => undefined))?.isFile()) {
      throw new UploadError({
        kind: 'invalid-input',
        message: `The track file ${filePath} cannot be read.`,
        retryable: false,
      });
    }
    const fileName = valid.fileName ?? (filePath ? basename(filePath) : `track.${valid.dataType}`);
    const filePart = async () =>
      filePath !== undefined
        ? DiskFile.open(filePath, fileName)
        : new File([fileBytes ?? new Uint8Array()], fileName, { type: 'application/octet-stream' });
    const buildBody = async (): Promise<FormData> => {
      const form = new FormData();
      form.set('data_type', valid.dataType);
      if (valid.name !== undefined) form.set('name', valid.name);
      if (valid.description !== undefined) form.set('description', valid.description);
      if (valid.externalId !== undefined) form.set('external_id', valid.externalId);
      if (valid.sportType !== undefined) form.set('sport_type', valid.sportType);
      if (valid.trainer !== undefined) form.set('trainer', valid.trainer ? '1' : '0');
      if (valid.commute !== undefined) form.set('commute', valid.commute ? '1' : '0');
      form.set('file', await filePart());
      return form;
    };
    const response = await this.authorized('upload', async (token) => ({
      method: 'POST',
      url: `${this.apiBase}/uploads`,
      headers: { authorization: `Bearer ${token}` },
      multipart: await buildBody(),
      ...(options.onProgress ? { onUploadProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }));
    if (response.status === 201 || response.status === 200)
      return this.parse(response, uploadSchema, 'the upload receipt');
    // A duplicate can be refused at POST time with an Upload-shaped 400.
    const asUpload = uploadSchema.safeParse(tryParseJson(response.text));
    if (response.status === 400 && asUpload.success && asUpload.data.error) return asUpload.data;
    throw stravaFaultError(response.status, response.text, this.clock.now());
  }

  /** Reads an upload's processing status. */
  async getUpload(uploadId: string, options: CallOptions = {}): Promise<StravaUpload> {
    const id = checkedInput(idInput, uploadId, 'The upload id');
    const response = await this.get(`/uploads/${id}`, options);
    return this.parse(response, uploadSchema, 'the upload status');
  }

  /** The signed-in athlete. */
  async getAthlete(options: CallOptions = {}): Promise<AthleteSummary> {
    return this.parse(await this.get('/athlete', options), athleteSummarySchema, 'the athlete');
  }

  /** The athlete's bikes and shoes: Strava lists them only to a token with `profile:read_all`. */
  async getAthleteGear(options: CallOptions = {}): Promise<AthleteGear> {
    return this.parse(await this.get('/athlete', options), athleteGearSchema, "the athlete's gear");
  }

  /** One page of the athlete's activities, filtered on start time (needs a read scope). */
  async listActivities(
    query: z.input<typeof listInput>,
    options: CallOptions = {},
  ): Promise<ListedActivity[]> {
    const valid = checkedInput(listInput, query, 'The activity list query');
    const searchParams: Record<string, string> = {
      page: String(valid.page),
      per_page: String(valid.perPage),
    };
    if (valid.after !== undefined) searchParams.after = String(valid.after);
    if (valid.before !== undefined) searchParams.before = String(valid.before);
    return this.parse(
      await this.get('/athlete/activities', options, searchParams),
      activityListSchema,
      'the activity list',
    );
  }

  /** One activity. */
  async getActivity(activityId: string, options: CallOptions = {}): Promise<StravaActivity> {
    const id = checkedInput(idInput, activityId, 'The activity id');
    return this.parse(await this.get(`/activities/${id}`, options), activitySchema, 'the activity');
  }

  /** Sets what the upload POST cannot carry; costs a read request, so use sparingly. */
  async updateActivity(
    activityId: string,
    update: ActivityUpdate,
    options: CallOptions = {},
  ): Promise<StravaActivity> {
    const id = checkedInput(idInput, activityId, 'The activity id');
    const fields = checkedInput(updateInput, update, 'The activity update');
    const response = await this.authorized('read', (token) => ({
      method: 'PUT',
      url: `${this.apiBase}/activities/${id}`,
      headers: { authorization: `Bearer ${token}` },
      json: fields,
      ...(options.signal ? { signal: options.signal } : {}),
    }));
    if (response.status !== 200)
      throw stravaFaultError(response.status, response.text, this.clock.now());
    return this.parse(response, activitySchema, 'the updated activity');
  }

  private async get(
    path: string,
    options: CallOptions,
    searchParams?: Record<string, string>,
  ): Promise<HttpResponse> {
    const response = await this.authorized('read', (token) => ({
      method: 'GET',
      url: `${this.apiBase}${path}`,
      headers: { authorization: `Bearer ${token}` },
      ...(searchParams ? { searchParams } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }));
    if (response.status !== 200)
      throw stravaFaultError(response.status, response.text, this.clock.now());
    return response;
  }

  /**
   * Sends with the current token; after a 401 for a bad or expired token, refreshes
   * once and tries once more with a freshly built request.
   */
  private async authorized(
    kind: RequestKind,
    build: (token: string) => HttpRequest | Promise<HttpRequest>,
  ): Promise<HttpResponse> {
    let token = await this.session.accessToken();
    let response = await this.send(kind, await build(token));
    if (response.status === 401 && isExpiredTokenFault(response.text)) {
      token = await this.session.refreshAfterRejection(token);
      response = await this.send(kind, await build(token));
    }
    if (response.status === 429) this.rateLimits.noteRejected(kind, this.clock.now());
    return response;
  }

  /** Never sends what the known budget says Strava would refuse. */
  private async send(kind: RequestKind, request: HttpRequest): Promise<HttpResponse> {
    const verdict = this.rateLimits.acquire(kind, this.clock.now());
    if (!verdict.ok) {
      throw new UploadError({
        kind: 'rate-limit',
        message: `Strava's ${verdict.span === 'day' ? 'daily' : 'quarter-hour'} request limit is used up. Uploads go on by themselves at ${timeSlot}.`,
        retryable: true,
        retryAt: verdict.until,
        detail: `${verdict.budget} budget, not sent`,
      });
    }
    const response = await this.http.send(request);
    this.rateLimits.update(response.headers, this.clock.now());
    return response;
  }

  private parse<T>(response: HttpResponse, schema: z.ZodType<T>, what: string): T {
    return parseJsonBody(response.text, schema, { service: 'Strava', what });
  }
}

/** True for Strava's "bad or expired access token" 401, the one a refresh can cure. */
function isExpiredTokenFault(text: string): boolean {
  const fault = faultSchema.safeParse(tryParseJson(text));
  return (
    fault.success &&
    (fault.data.errors ?? []).some((e) => e.field === 'access_token' && e.code === 'invalid')
  );
}
