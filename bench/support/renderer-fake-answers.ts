import { ipcContract, type Channel, type ResponseOf } from '../../src/shared/ipc-contract';

type Answers = { [C in Channel]?: ResponseOf<C> };

/**
 * What the renderer benchmark's stand-in for the preload answers on the channels the
 * page calls as it opens: typed by the IPC contract, so a change to a schema fails
 * to compile here instead of leaving the page blank (a settings answer without
 * `uploads.shaping` once did, and the benchmark timed out waiting for a heading).
 */
const answers: Answers = {
  'accounts:get': {
    strava: {
      connected: true,
      name: 'Bench',
      athleteId: '1',
      scopes: ['read', 'activity:write', 'activity:read_all'],
    },
    mtpw: { connected: true },
    stravaAppConfigured: true,
  },
  'settings:get': {
    hasStravaClientSecret: true,
    stravaBaseUrl: 'https://www.strava.com',
    stravaApiUrl: 'https://www.strava.com/api/v3',
    mtpwBaseUrl: 'https://mtp.trekview.org',
    advanced: {},
    uploads: {
      concurrency: 4,
      shaping: { privacyZones: [], trimStartM: 0, trimEndM: 0, hideFromHome: false },
    },
    appearance: 'system',
    watchedFolder: null,
    batchNotifications: false,
    callbackDomain: 'localhost',
    development: false,
  },
  'queue:get': { seq: 0, items: [] },
  'queue:estimate': { remaining: 0, finishAt: null, holding: 'none' },
  'watch:get': { state: 'off', queued: 0 },
  'sequences:findUnsent': { roots: [], count: 0, paths: [] },
};

/** The answers, each checked against its channel's response schema, as JSON for the page. */
export function fakeAnswersJson(): string {
  for (const [channel, answer] of Object.entries(answers))
    ipcContract[channel as Channel].response.parse(answer);
  return JSON.stringify(answers);
}
