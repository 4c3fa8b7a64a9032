import { bearer, both, raw, uploadFile, type FaultRow } from './fault-row';

/** CONTRACTS.md's Fault table rows at /api/v3, and the simulator's other API refusals. */
export const apiFaultRows: FaultRow[] = [
  {
    name: 'bad or expired access token',
    key: 'GET /api/v3/athlete',
    status: 401,
    message: 'Authorization Error',
    error: ['Athlete', 'access_token', 'invalid'],
    trigger: async (rig) => {
      await rig.useTokens(both);
      rig.sim.faults.add('GET /api/v3/athlete', { type: 'expire-token' });
      return rig.strava.api.getAthlete();
    },
  },
  {
    name: 'a read scope not granted',
    key: 'GET /api/v3/athlete/activities',
    status: 401,
    error: ['AccessToken', 'activity:read_permission', 'missing'],
    trigger: async (rig) => {
      await rig.useTokens(['read', 'activity:write']);
      return rig.strava.api.listActivities({});
    },
  },
  {
    name: 'app inactive (API)',
    key: 'GET /api/v3/athlete',
    status: 403,
    message: 'Forbidden',
    error: ['Application', 'Status', 'Inactive'],
    trigger: async (rig) => {
      await rig.useTokens(both);
      rig.sim.config.inactive = true;
      return rig.strava.api.getAthlete();
    },
  },
  {
    name: 'scope activity:write not granted',
    key: 'POST /api/v3/uploads',
    status: 401,
    error: ['AccessToken', 'activity:write_permission', 'missing'],
    trigger: async (rig) => {
      await rig.useTokens(['read', 'activity:read_all']);
      return rig.strava.api.upload({ filePath: await rig.track('w.gpx'), dataType: 'gpx' });
    },
  },
  {
    name: 'rate limit',
    key: 'GET /api/v3/athlete',
    status: 429,
    message: 'Rate Limit Exceeded',
    error: ['Application', 'rate limit', 'exceeded'],
    trigger: async (rig) => {
      await rig.useTokens(both);
      rig.sim.faults.add('GET /api/v3/athlete', { type: 'rate-limit' });
      return rig.strava.api.getAthlete();
    },
  },
  {
    name: 'empty upload',
    key: 'POST /api/v3/uploads',
    status: 400,
    error: ['Upload', 'data', 'empty'],
    trigger: (rig) => uploadFile(rig, rig.file('empty.gpx', '')),
  },
  {
    name: '.gz data that is not gzip',
    key: 'POST /api/v3/uploads',
    status: 400,
    error: ['upload', 'gzip', 'invalid encoding'],
    trigger: (rig) => uploadFile(rig, rig.track('plain.gpx'), { dataType: 'gpx.gz' }),
  },
  {
    name: 'unknown upload',
    key: 'GET /api/v3/uploads/{id}',
    status: 404,
    error: ['Upload', 'id', 'not found'],
    trigger: async (rig) => {
      await rig.useTokens(both);
      return rig.strava.api.getUpload('1');
    },
  },
  {
    name: 'unknown activity',
    key: 'GET /api/v3/activities/{id}',
    status: 404,
    error: ['Activity', 'id', 'not found'],
    trigger: async (rig) => {
      await rig.useTokens(both);
      return rig.strava.api.getActivity('1');
    },
  },
  ...([500, 503] as const).map((status): FaultRow => ({
    name: `injected ${status}`,
    key: 'GET /api/v3/athlete',
    status,
    trigger: async (rig) => {
      await rig.useTokens(both);
      rig.sim.faults.add('GET /api/v3/athlete', { type: 'status', status });
      return rig.strava.api.getAthlete();
    },
  })),
  {
    name: 'a sport_type that is not a SportType',
    key: 'POST /api/v3/uploads',
    status: 400,
    error: ['Upload', 'sport_type', 'invalid'],
    responseOnly: true,
    trigger: (rig) => uploadFile(rig, rig.track('s.gpx'), { sportType: 'Paddling' }),
  },
  {
    name: 'an unknown path under /api/v3',
    key: 'GET /api/v3/athlete/zones',
    status: 404,
    error: ['resource', 'path', 'invalid'],
    trigger: async (rig) => raw(rig, '/api/v3/athlete/zones', { headers: await bearer(rig) }),
  },
  {
    name: 'a list parameter that is not an integer',
    key: 'GET /api/v3/athlete/activities',
    status: 400,
    error: ['Application', 'page', 'invalid'],
    responseOnly: true,
    trigger: async (rig) =>
      raw(rig, '/api/v3/athlete/activities?page=two', { headers: await bearer(rig) }),
  },
  {
    name: 'a data_type Strava does not take',
    key: 'POST /api/v3/uploads',
    status: 400,
    error: ['Upload', 'data_type', 'invalid'],
    responseOnly: true,
    trigger: async (rig) => {
      const form = new FormData();
      form.set('data_type', 'kml');
      form.set('file', new Blob(['<kml/>']), 'a.kml');
      return raw(rig, '/api/v3/uploads', {
        method: 'POST',
        headers: await bearer(rig),
        body: form,
      });
    },
  },
];
