import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Simulator } from '../../src/sim/index';

/** 1 June 2026 10:00:05 UTC: five seconds into a 15-minute window. */
export const WINDOW_START = Date.UTC(2026, 5, 1, 10, 0, 5);

/** A small valid GPX track: `points` points `stepS` seconds apart, heading north-east. */
export function gpxTrack(
  opts: { start?: number; points?: number; stepS?: number; lat?: number; lon?: number } = {},
): string {
  const start = opts.start ?? Date.UTC(2021, 4, 1, 14, 0, 0);
  const lat = opts.lat ?? 51.5;
  const lon = opts.lon ?? -0.12;
  const pts = Array.from({ length: opts.points ?? 10 }, (_, i) => {
    const time = new Date(start + i * (opts.stepS ?? 5) * 1000).toISOString();
    return `<trkpt lat="${(lat + i * 0.0001).toFixed(6)}" lon="${(lon + i * 0.0001).toFixed(6)}"><ele>${10 + i}</ele><time>${time}</time></trkpt>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${pts.join('')}</trkseg></trk></gpx>`;
}

/** Bearer authorization headers. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The fields of a multipart upload; `file` may be text or bytes, `fileName` defaults to ride.gpx. */
export interface UploadFields {
  file?: string | Uint8Array;
  fileName?: string;
  data_type?: string;
  [field: string]: string | Uint8Array | undefined;
}

/** POSTs a multipart upload as a client would. */
export async function postUpload(
  sim: Simulator,
  token: string,
  fields: UploadFields,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name === 'file' || name === 'fileName') continue;
    form.set(name, typeof value === 'string' ? value : new Blob([value]));
  }
  if (fields.file !== undefined)
    form.set('file', new Blob([fields.file]), fields.fileName ?? 'ride.gpx');
  return fetch(`${sim.url}/api/v3/uploads`, { method: 'POST', headers: bearer(token), body: form });
}

/** A gzipped GPX track as bytes. */
export function gzipped(text: string): Uint8Array {
  return new Uint8Array(gzipSync(text));
}

/** GETs a Strava API path with a bearer token. */
export function apiGet(sim: Simulator, token: string, path: string): Promise<Response> {
  return fetch(`${sim.url}/api/v3${path}`, { headers: bearer(token) });
}

/** POSTs a url-encoded form. */
export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The Strava Fault of an error answer, for `toEqual` checks. */
export function fault(message: string, resource: string, field: string, code: string): unknown {
  return { message, errors: [{ resource, field, code }] };
}

/** Uploads a track and moves the clock past processing; returns the poll body. */
export async function uploadReady(
  sim: Simulator,
  token: string,
  fields: UploadFields,
): Promise<{ id_str: string; activity_id: number | null; status: string; error: string | null }> {
  const posted = (await (await postUpload(sim, token, { data_type: 'gpx', ...fields })).json()) as {
    id_str: string;
  };
  sim.clock.advance(2000);
  return (await (await apiGet(sim, token, `/uploads/${posted.id_str}`)).json()) as {
    id_str: string;
    activity_id: number | null;
    status: string;
    error: string | null;
  };
}

/** `expect.any(type)` typed as unknown: vitest types it `any`, which the lint rules refuse. */
export function anyOf(type: NumberConstructor | StringConstructor | ObjectConstructor): unknown {
  return expect.any(type);
}

/** `expect.stringMatching(re)` typed as unknown, for the same reason. */
export function matching(re: RegExp): unknown {
  return expect.stringMatching(re);
}
