import { htmlPage } from './authorize-page';
import { escapeHtml } from './escape-html';

/** The fields MTPW's authorize form carries through to its POST. */
export interface MtpwAuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
}

/**
 * MTPW's (django-oauth-toolkit) authorize page with Authorize and Cancel. Ids and
 * names match the Strava page (`name="decision"`, `id="authorize"`) so tests can share steps.
 */
export function mtpwAuthorizePage(r: MtpwAuthorizeRequest): string {
  return htmlPage(
    'Authorize | Map the Paths (simulated)',
    `<h1>Authorize MTP Desktop Uploader?</h1>
<p>The application requests access to your Map the Paths account: <strong>read</strong> and <strong>write</strong>.</p>
<form id="authorize-form" method="post" action="/accounts/authorize/">
<input type="hidden" name="client_id" value="${escapeHtml(r.clientId)}">
<input type="hidden" name="redirect_uri" value="${escapeHtml(r.redirectUri)}">
<input type="hidden" name="state" value="${escapeHtml(r.state)}">
<input type="hidden" name="response_type" value="token">
<button type="submit" id="authorize" name="decision" value="approve">Authorize</button>
<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button>
</form>`,
  );
}

/** The error page for a redirect_uri MTPW does not allow. */
export function mtpwInvalidRedirectPage(): string {
  return htmlPage(
    'Error | Map the Paths (simulated)',
    '<h1>Error: invalid_request</h1>\n<p>Invalid redirect_uri</p>',
  );
}
