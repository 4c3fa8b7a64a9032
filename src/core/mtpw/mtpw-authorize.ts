import { z } from 'zod';
import { UploadError } from '../errors/upload-error';
import { newOAuthState } from '../auth/oauth-state';
import { checkRedirectParams } from '../auth/redirect-checks';
import { checkedInput } from '../validation/checked-input';

/** MTPW only allows its desktop scheme as a redirect; the host part varies (`app`, `test`). */
export const mtpwRedirectScheme = 'app.mtp.desktop:';
export const mtpwRedirectUri = 'app.mtp.desktop://app';

const authorizeInput = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1).max(200),
});

/** Builds MTPW's implicit-grant authorize URL (response_type=token) with a fresh `state`. */
export function buildMtpwAuthorizeUrl(input: z.input<typeof authorizeInput>): {
  url: URL;
  state: string;
} {
  const valid = checkedInput(authorizeInput, input, 'The Map the Paths sign-in settings');
  const state = newOAuthState();
  const url = new URL(`${valid.baseUrl.replace(/\/+$/, '')}/accounts/authorize/`);
  url.search = new URLSearchParams({
    response_type: 'token',
    client_id: valid.clientId,
    redirect_uri: mtpwRedirectUri,
    state,
  }).toString();
  return { url, state };
}

/** True for any `app.mtp.desktop://<host>…` URL, the only redirect MTPW sends. */
export function isMtpwRedirect(url: URL): boolean {
  return url.protocol === mtpwRedirectScheme;
}

/**
 * Reads the token from the redirect's fragment (`#access_token=…`), after
 * checking the scheme and that `state` is the one we sent.
 */
export function parseMtpwRedirect(redirect: URL, expectedState: string): { accessToken: string } {
  if (!isMtpwRedirect(redirect)) {
    throw new UploadError({
      kind: 'auth',
      message: 'That is not a Map the Paths sign-in address.',
      retryable: false,
    });
  }
  const params = new URLSearchParams(redirect.hash.replace(/^#/, ''));
  checkRedirectParams(params, expectedState, 'Map the Paths');
  const accessToken = params.get('access_token');
  if (!accessToken) {
    throw new UploadError({
      kind: 'auth',
      message: 'Map the Paths did not send a sign-in token. Please try again.',
      retryable: false,
    });
  }
  return { accessToken };
}
