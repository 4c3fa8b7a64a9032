import { type ActivityRecord, type UploadRecord } from './activity-records';
import { badRequest, faultResponse, recordNotFound } from './faults';
import { formBoolean } from './form-boolean';
import { inspectGpx } from './gpx-inspect';
import { gunzipUpload, readUploadForm, type UploadForm } from './multipart-upload';
import type { Route } from './router';
import { jsonResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import { isSportType } from './sport-types';
import { authorizeApi } from './strava-api-auth';
import { summarizeTrack } from './track-metrics';
import { uploadBody } from './upload-view';

const DATA_TYPES = ['fit', 'fit.gz', 'tcx', 'tcx.gz', 'gpx', 'gpx.gz'];

/** A text field, with an empty value treated as not sent (Strava then uses its default). */
function optional(fields: Record<string, string>, name: string): string | undefined {
  const v = fields[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** Judges the file as Strava's processing will, so the outcome is known when it is due. */
function judge(dataType: string, data: Buffer): UploadRecord['track'] {
  if (!dataType.startsWith('gpx')) {
    return {
      ok: false,
      reason: `The simulator processes GPX files only; ${dataType} is not supported here.`,
    };
  }
  const inspection = inspectGpx(data.toString('utf8'));
  if (!inspection.ok) return inspection;
  return { ok: true, summary: summarizeTrack(inspection.points) };
}

/**
 * Validates the form in Strava's order: data_type, sport_type, an empty file, then gzip.
 * Returns the decompressed file or the Fault to answer.
 */
async function checkForm(form: UploadForm): Promise<{ data: Buffer } | { response: SimResponse }> {
  const dataType = form.fields.data_type ?? '';
  if (!DATA_TYPES.includes(dataType))
    return { response: badRequest('Upload', 'data_type', 'invalid') };
  const sportType = optional(form.fields, 'sport_type');
  if (sportType !== undefined && !isSportType(sportType)) {
    return { response: badRequest('Upload', 'sport_type', 'invalid') };
  }
  const file = form.file;
  if (!file || file.data.length === 0) return { response: badRequest('Upload', 'data', 'empty') };
  if (file.truncated) return { response: badRequest('Upload', 'data', 'too large') };
  if (!dataType.endsWith('.gz')) return { data: file.data };
  const data = await gunzipUpload(file.data);
  if (!data)
    return { response: faultResponse(400, 'Bad Request', 'upload', 'gzip', 'invalid encoding') };
  if (data.length === 0) return { response: badRequest('Upload', 'data', 'empty') };
  return { data };
}

function activityLookup(sim: SimState): (id: number) => ActivityRecord | undefined {
  return (id) => sim.store.activities.get(id);
}

/** `POST /api/v3/uploads` and `GET /api/v3/uploads/{id}`. */
export const stravaUploadRoutes: Route<SimState>[] = [
  {
    method: 'POST',
    template: '/api/v3/uploads',
    family: 'strava-api',
    handler: async (request, sim) => {
      const auth = authorizeApi(request, sim, 'activity:write');
      if ('response' in auth) return auth.response;
      let form: UploadForm;
      try {
        form = await readUploadForm(request.req);
      } catch {
        return badRequest('Upload', 'data', 'empty');
      }
      const checked = await checkForm(form);
      if ('response' in checked) return checked.response;
      const f = form.fields;
      const upload = sim.store.addUpload({
        athleteId: auth.grant.athleteId,
        externalId: optional(f, 'external_id'),
        fileName: form.file?.name ?? '',
        dataType: f.data_type ?? '',
        name: optional(f, 'name'),
        description: optional(f, 'description'),
        sportType: optional(f, 'sport_type'),
        trainer: formBoolean(f.trainer) === true,
        commute: formBoolean(f.commute) === true,
        bytes: form.file?.data.length ?? 0,
        track: judge(f.data_type ?? '', checked.data),
      });
      const fault = request.fault;
      if (fault?.type === 'duplicate' && fault.at === 'post') {
        sim.store.rejectAsDuplicate(upload);
        return jsonResponse(400, uploadBody(upload, activityLookup(sim)));
      }
      if (fault?.type === 'duplicate') upload.forceDuplicate = true;
      return jsonResponse(201, uploadBody(upload, activityLookup(sim)));
    },
  },
  {
    method: 'GET',
    template: '/api/v3/uploads/{id}',
    family: 'strava-api',
    handler: (request, sim) => {
      // The swagger says polling an upload requires activity:write, like creating it.
      const auth = authorizeApi(request, sim, 'activity:write');
      if ('response' in auth) return Promise.resolve(auth.response);
      const raw = request.params.id ?? '';
      const mine = /^\d{1,19}$/.test(raw)
        ? sim.store.uploadOf(auth.grant.athleteId, Number(raw))
        : undefined;
      if (!mine) return Promise.resolve(recordNotFound('Upload', 'id', 'not found'));
      // A duplicate fault planned on the poll marks an upload still processing.
      if (request.fault?.type === 'duplicate' && !mine.outcome) mine.forceDuplicate = true;
      return Promise.resolve(jsonResponse(200, uploadBody(mine, activityLookup(sim))));
    },
  },
];
