import { z } from 'zod';
import { extraStravaScopeSchema } from '../../shared/shape-request';
import { UploadError } from '../errors/upload-error';
import { newOAuthState } from '../auth/oauth-state';
import { checkRedirectParams } from '../auth/redirect-checks';
import { checkedInput } from '../validation/checked-input';

/** `activity:write` is required to upload; `activity:read_all` lets one list read confirm many uploads. */
export const requiredStravaScope = 'activity:write';
export const optionalStravaScopes = ['activity:read_all'] as const;
export const requestedStravaScopes = ['read', requiredStravaScope, ...optionalStravaScopes];

/** The redirect path we register with every loopback or localhost redirect. */
export const stravaRedirectPath = '/exchange_token';

const authorizeInput = z.object({
  oauthBase: z.url({ protocol: /^https?$/ }),
  clientId: z.string().regex(/^\d{1,20}$/, 'a Strava Client ID is a number'),
  redirectUri: z.url({ protocol: /^https?$/ }),
  approvalPrompt: z.enum(['auto', 'force']).default('auto'),
  /** Asked only when the user turns on what needs them (gear: `profile:read_all`). */
  extraScopes: z.array(extraStravaScopeSchema).default([]),
  /** Given when a loopback listener must know it before the URL exists; fresh otherwise. */
  state: z.string().min(16).optional(),
});

/** A sign-in in progress: the page to open and the state that must come back. */
export interface StravaAuthorizeRequest {
  url: URL;
  state: string;
  redirectUri: string;
}

/** Builds Strava's authorize URL with the given or a fresh random `state`. */
export function buildStravaAuthorizeUrl(
  input: z.input<typeof authorizeInput>,
): StravaAuthorizeRequest {
  const valid = checkedInput(authorizeInput, input, 'The Strava sign-in settings');
  const state = valid.state ?? newOAuthState();
  const url = new URL(`${valid.oauthBase.replace(/\/+$/, '')}/authorize`);
  url.search = new URLSearchParams({
    client_id: valid.clientId,
    redirect_uri: valid.redirectUri,
    response_type: 'code',
    approval_prompt: valid.approvalPrompt,
    scope: [...requestedStravaScopes, ...valid.extraScopes].join(','),
    state,
  }).toString();
  return { url, state, redirectUri: valid.redirectUri };
}

/** What a successful redirect carried. */
export interface StravaGrant {
  code: string;
  scopes: string[];
}

/**
 * Reads Strava's redirect: checks `state`, turns `error=access_denied` and a
 * missing `activity:write` into typed errors, and returns the code and scopes.
 */
export function parseStravaRedirect(redirect: URL, expectedState: string): StravaGrant {
  const params = redirect.searchParams;
  checkRedirectParams(params, expectedState, 'Strava');
  const code = params.get('code');
  if (!code) {
    throw new UploadError({
      kind: 'auth',
      message: 'Strava did not send a sign-in code. Please try again.',
      retryable: false,
    });
  }
  const scopes = (params.get('scope') ?? '').split(/[ ,]+/).filter(Boolean);
  if (!scopes.includes(requiredStravaScope)) {
    throw new UploadError({
      kind: 'scope',
      message:
        'Strava was connected without permission to upload activities. Connect again and keep "Upload your activities" ticked.',
      retryable: false,
    });
  }
  return { code, scopes };
}
