import { UploadError } from '../errors/upload-error';
import { sameState } from './oauth-state';

/**
 * The checks every OAuth redirect gets, whatever the service: `state` must be the
 * one we sent, and an `error` (the user said no) ends the sign-in.
 */
export function checkRedirectParams(
  params: URLSearchParams,
  expectedState: string,
  service: string,
): void {
  if (!sameState(expectedState, params.get('state'))) {
    throw new UploadError({
      kind: 'auth',
      message: `The ${service} sign-in could not be verified (it did not come from this app). Please try again.`,
      retryable: false,
      detail: 'state mismatch',
    });
  }
  const error = params.get('error');
  if (error) {
    throw new UploadError({
      kind: 'cancelled',
      message:
        error === 'access_denied'
          ? `${service} access was not granted.`
          : `${service} sign-in failed (${error}).`,
      retryable: false,
    });
  }
}
