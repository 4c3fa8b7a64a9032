import { applyActivityUpdate } from './activity-update';
import { detailedActivity, summaryActivity } from './activity-view';
import { badRequest, recordNotFound } from './faults';
import { readFields } from './request-body';
import type { Route } from './router';
import { jsonResponse } from './sim-response';
import type { SimState } from './sim-state';
import { detailedAthlete } from './strava-athletes';
import { authorizeApi } from './strava-api-auth';

/** Parses an optional integer query parameter; 'invalid' when present but not an integer. */
function intParam(url: URL, name: string): number | 'invalid' | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : 'invalid';
}

function activityId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,19}$/.test(raw) ? Number(raw) : undefined;
}

/** `GET /athlete`, `GET /athlete/activities`, `GET` and `PUT /activities/{id}`. */
export const stravaActivityRoutes: Route<SimState>[] = [
  {
    method: 'GET',
    template: '/api/v3/athlete',
    family: 'strava-api',
    handler: (request, sim) => {
      const auth = authorizeApi(request, sim, 'token');
      if ('response' in auth) return Promise.resolve(auth.response);
      return Promise.resolve(
        jsonResponse(
          200,
          detailedAthlete(
            sim.athletes.get(auth.grant.athleteId),
            auth.grant.scope.includes('profile:read_all'),
          ),
        ),
      );
    },
  },
  {
    method: 'GET',
    template: '/api/v3/athlete/activities',
    family: 'strava-api',
    handler: (request, sim) => {
      const auth = authorizeApi(request, sim, 'activity:read');
      if ('response' in auth) return Promise.resolve(auth.response);
      const params = { after: 0, before: 0, page: 0, per_page: 0 };
      const values: Partial<typeof params> = {};
      for (const name of Object.keys(params) as (keyof typeof params)[]) {
        const v = intParam(request.url, name);
        if (v === 'invalid') return Promise.resolve(badRequest('Application', name, 'invalid'));
        if (v !== undefined) values[name] = v;
      }
      const page = Math.max(1, values.page ?? 1);
      const perPage = Math.min(200, Math.max(1, values.per_page ?? 30));
      const list = sim.store.listOf(auth.grant.athleteId, values.after, values.before);
      const slice = list.slice((page - 1) * perPage, page * perPage);
      return Promise.resolve(jsonResponse(200, slice.map(summaryActivity)));
    },
  },
  {
    method: 'GET',
    template: '/api/v3/activities/{id}',
    family: 'strava-api',
    handler: (request, sim) => {
      const auth = authorizeApi(request, sim, 'activity:read');
      if ('response' in auth) return Promise.resolve(auth.response);
      const id = activityId(request.params.id);
      const activity =
        id === undefined ? undefined : sim.store.activityOf(auth.grant.athleteId, id);
      if (!activity) return Promise.resolve(recordNotFound('Activity', 'id', 'not found'));
      return Promise.resolve(jsonResponse(200, detailedActivity(activity)));
    },
  },
  {
    method: 'PUT',
    template: '/api/v3/activities/{id}',
    family: 'strava-api',
    handler: async (request, sim) => {
      const auth = authorizeApi(request, sim, 'activity:write');
      if ('response' in auth) return auth.response;
      const fields = await readFields(request.req, request.url);
      const id = activityId(request.params.id);
      const activity =
        id === undefined ? undefined : sim.store.activityOf(auth.grant.athleteId, id);
      if (!activity) return recordNotFound('Activity', 'id', 'not found');
      const refused = applyActivityUpdate(activity, fields);
      return refused ?? jsonResponse(200, detailedActivity(activity));
    },
  },
];
