import { z } from 'zod';
import { UploadError } from '../errors/upload-error';
import { tryParseJson } from '../http/parse-json';
import { stravaFaultError } from '../strava/strava-fault';

/** What a sign-in window or popup saw when a page finished loading. */
export interface SignInPage {
  url: URL;
  /** The main frame's HTTP status, when known. */
  status?: number;
  /** The page's visible text (or body), possibly cut short; empty when unread. */
  text: string;
}

const athleteCapText = /limit of connected athletes exceeded/i;
const mtpwRefusalSchema = z.object({ detail: z.string() });

/** The athlete-cap refusal: a dead end of Strava's with no redirect, explained in plain words. */
export function athleteCapError(detail = 'Limit of connected athletes exceeded'): UploadError {
  return new UploadError({
    kind: 'athlete-cap',
    message:
      'Strava refused the sign-in: this Strava API app already has as many athletes connected as Strava allows ("Limit of connected athletes exceeded"; Standard-tier apps allow at most 10). Nothing is wrong with your account. Create a Strava API app of your own and enter its Client ID and Secret to connect.',
    retryable: false,
    status: 403,
    detail,
  });
}

/**
 * Whether a page shown during sign-in is a refusal the user cannot get past (so the
 * window should close at once), as the typed error that explains it; undefined for
 * any other page. Strava's athlete-cap page answers 403 and never redirects; an
 * `Inactive` app answers 403 with a Fault; MTPW answers 403 with a `detail`.
 */
export function signInPageRefusal(page: SignInPage): UploadError | undefined {
  if (athleteCapText.test(page.text)) return athleteCapError();
  if (page.status !== 403) return undefined;
  const body = tryParseJson(page.text.trim());
  const detail = `HTTP 403 on ${page.url.origin}${page.url.pathname}`;
  if (isStravaAuthorize(page.url)) {
    const fault = stravaFaultError(403, page.text, 0);
    if (fault.kind === 'app-inactive') return fault;
    // Strava's authorize page answers 403 only for the cap; its words may change or be translated.
    return athleteCapError(`${detail}: ${page.text.slice(0, 200)}`);
  }
  const mtpw = mtpwRefusalSchema.safeParse(body);
  if (mtpw.success) {
    return new UploadError({
      kind: 'mtpw',
      message:
        'Map the Paths refused the sign-in ("Authentication credentials were not provided"). Check its address and client id in Settings, then try again.',
      retryable: false,
      status: 403,
      detail: `${detail}: ${mtpw.data.detail.slice(0, 200)}`,
    });
  }
  return new UploadError({
    kind: 'auth',
    message:
      'The sign-in page refused access (HTTP 403 Forbidden), so the sign-in window was closed. Check the service addresses in Settings, or try "Sign in with your browser".',
    retryable: false,
    status: 403,
    detail,
  });
}

/** Strava's authorize page is `<site>/oauth/authorize` (GET, and the form's POST). */
function isStravaAuthorize(url: URL): boolean {
  return url.pathname.replace(/\/+$/, '').endsWith('/oauth/authorize');
}
