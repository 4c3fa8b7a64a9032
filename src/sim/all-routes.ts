import { controlRoutes } from './control-routes';
import { mtpwAuthRoutes } from './mtpw-auth-routes';
import { mtpwSequenceRoutes } from './mtpw-sequence-routes';
import type { Route } from './router';
import type { SimState } from './sim-state';
import { stravaActivityRoutes } from './strava-activity-routes';
import { stravaOAuthRoutes } from './strava-oauth-routes';
import { stravaTokenRoutes } from './strava-token-routes';
import { stravaUploadRoutes } from './strava-upload-routes';

/** Every route the simulator serves: Strava, MTPW and the `/__sim` control API. */
export const allRoutes: readonly Route<SimState>[] = [
  ...stravaOAuthRoutes,
  ...stravaTokenRoutes,
  ...stravaUploadRoutes,
  ...stravaActivityRoutes,
  ...mtpwAuthRoutes,
  ...mtpwSequenceRoutes,
  ...controlRoutes,
];
