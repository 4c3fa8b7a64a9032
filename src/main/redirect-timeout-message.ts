/**
 * The words for a sign-in that never came back. Strava's "Limit of connected
 * athletes exceeded" page is a dead end with no redirect, so a Strava wait that times
 * out says so and points to the ways out.
 */
export function windowTimeoutMessage(authorizeUrl: URL, timeoutMs: number): string {
  const base = `No answer came back from the sign-in page within ${durationInWords(timeoutMs)}, so the sign-in window was closed.`;
  if (!isStravaAuthorize(authorizeUrl)) return `${base} Please try again.`;
  return `${base} If Strava showed "Limit of connected athletes exceeded", this Strava API app has as many athletes as Strava allows: enter your own Strava API app's Client ID and Secret in Settings. If signing in inside the window did not work, try "Sign in with your browser".`;
}

/** The words for a browser sign-in whose redirect to the app never arrived. */
export function browserTimeoutMessage(timeoutMs: number): string {
  return `No sign-in came back from your browser within ${durationInWords(timeoutMs)}. Finish signing in there and let the browser open MTP Strava Uploader, or try again.`;
}

/** Strava's authorize page is `<site>/oauth/authorize`; MTPW's is `/accounts/authorize/`. */
function isStravaAuthorize(url: URL): boolean {
  return url.pathname.replace(/\/+$/, '').endsWith('/oauth/authorize');
}

function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 2) return `${minutes} minutes`;
  if (minutes === 1) return '1 minute';
  return `${Math.max(1, Math.round(ms / 1000))} seconds`;
}
