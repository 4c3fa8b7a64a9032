import { buildStravaAuthorizeUrl } from '../../src/core/strava/strava-authorize';
import { simClientId, type ContractRig } from './contract-rig';

/** One error the simulator gives, how to provoke it, and the body essentials to expect. */
export interface FaultRow {
  name: string;
  /** The exchange that carries the error: `"<METHOD> <path>"` with ids as `{id}`. */
  key: string;
  status: number;
  /** Checked when CONTRACTS.md's table gives it. */
  message?: string;
  /** `[resource, field, code]`, or undefined for `errors: []`. */
  error?: [string, string, string];
  trigger: (rig: ContractRig) => Promise<unknown>;
  /** The request is deliberately outside the contract: only the answer is checked. */
  responseOnly?: boolean;
}

/** Every scope the app asks for. */
export const both = ['read', 'activity:write', 'activity:read_all'];

/** Opens Strava's authorize URL, as the client builds it, through the proxy. */
export const authorize = (rig: ContractRig, redirectUri: string, scope?: string) => {
  const { url } = buildStravaAuthorizeUrl({
    oauthBase: rig.strava.endpoints.oauthBase,
    clientId: simClientId,
    redirectUri,
  });
  if (scope) url.searchParams.set('scope', scope);
  return fetch(url, { redirect: 'manual' });
};

/** Uploads a file with the client, signed in with every scope. */
export const uploadFile = async (
  rig: ContractRig,
  path: Promise<string>,
  extra: { dataType?: 'gpx' | 'gpx.gz'; sportType?: string } = {},
) => {
  await rig.useTokens(both);
  return rig.strava.api.upload({
    filePath: await path,
    dataType: extra.dataType ?? 'gpx',
    ...(extra.sportType ? { sportType: extra.sportType } : {}),
  });
};

/** A request the client would never send, straight through the proxy. */
export const raw = (rig: ContractRig, path: string, init: RequestInit) =>
  fetch(`${rig.proxy.url}${path}`, init);

/** An Authorization header with a fresh token of every scope. */
export const bearer = async (rig: ContractRig) => {
  await rig.useTokens(both);
  return { authorization: `Bearer ${await rig.strava.session.accessToken()}` };
};
