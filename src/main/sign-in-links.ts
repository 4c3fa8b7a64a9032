import { UploadError } from '../core/errors/upload-error';

/** Where sign-ins may send the system browser: the configured Strava and MTPW sites. */
export interface SignInLinkPolicy {
  /** Origins of Strava's OAuth base and of MTPW (from the settings). */
  origins: readonly string[];
  /** Plain http on a loopback host (the simulator), in unpackaged runs only. */
  allowLoopbackHttp: boolean;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The policy for the configured sites; loopback http is for tests and development. */
export function signInLinkPolicy(
  siteUrls: readonly string[],
  allowLoopbackHttp: boolean,
): SignInLinkPolicy {
  const origins = siteUrls.flatMap((raw) => {
    try {
      return [new URL(raw).origin];
    } catch {
      return [];
    }
  });
  return { origins, allowLoopbackHttp };
}

/**
 * True when a sign-in URL may be handed to `shell.openExternal`: on a configured
 * origin, https (or loopback http where allowed), no user:password part.
 * openExternal runs whatever the OS can open, so anything else is refused.
 */
export function isAllowedSignInUrl(rawUrl: string, policy: SignInLinkPolicy): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && policy.allowLoopbackHttp && loopbackHosts.has(url.hostname));
  return secure && policy.origins.includes(url.origin);
}

/** Wraps `openExternal` so that only allowed sign-in URLs reach it; others are an `invalid-input` error. */
export function guardSignInOpener(
  openExternal: (url: string) => Promise<void>,
  policy: SignInLinkPolicy,
): (url: string) => Promise<void> {
  return async (url) => {
    if (!isAllowedSignInUrl(url, policy)) {
      throw new UploadError({
        kind: 'invalid-input',
        message: 'That sign-in address is not Strava or Map the Paths, so it was not opened.',
        retryable: false,
      });
    }
    await openExternal(url);
  };
}
