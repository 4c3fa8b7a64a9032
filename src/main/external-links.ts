/** Strava's web origins: links to activities, settings and help open in the user's browser. */
export const stravaWebOrigins: readonly string[] = ['https://www.strava.com', 'https://strava.com'];

/** The origins whose https links may leave the app for the system browser: Strava and the configured MTPW. */
export function externalLinkOrigins(mtpwBaseUrl: string): string[] {
  const origins = [...stravaWebOrigins];
  const mtpw = originOf(mtpwBaseUrl);
  if (mtpw?.startsWith('https://') && !origins.includes(mtpw)) origins.push(mtpw);
  return origins;
}

/**
 * True when a link may be handed to `shell.openExternal`: https only, no
 * user:password part, and an origin on the list. `openExternal` runs any URL the OS
 * understands (file:, custom schemes), so everything else stays in the app, refused.
 */
export function isAllowedExternal(rawUrl: string, allowedOrigins: readonly string[]): boolean {
  const url = parseUrl(rawUrl);
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return allowedOrigins.some((origin) => originOf(origin) === url.origin);
}

function originOf(raw: string): string | undefined {
  return parseUrl(raw)?.origin;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
