import { escapeHtml } from './escape-html';

/** Every scope Strava knows, with the words its authorize page uses. */
export const STRAVA_SCOPES: Readonly<Record<string, string>> = {
  read: 'View data about your public segments, routes, profile and activities',
  read_all: 'View data about your private routes, segments, and events',
  'profile:read_all': 'View your complete Strava profile',
  'profile:write': 'Update your weight and Functional Threshold Power (FTP)',
  'activity:read': 'View data about your activities',
  'activity:read_all': 'View data about your private activities',
  'activity:write': 'Upload your activities to Strava',
};

/** What the authorize form carries through to its POST. */
export interface AuthorizeRequest {
  appName: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
}

/** The page skeleton shared by the simulator's HTML pages. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Strava's authorize page: one ticked checkbox per requested scope, so a test (or a
 * person in the demo) can untick one, and Authorize / Cancel buttons. Ids and names are
 * stable (`scope-activity-write`, `name="scope"`, `name="decision"`) for Playwright.
 */
export function stravaAuthorizePage(r: AuthorizeRequest): string {
  const boxes = r.scopes
    .map((scope) => {
      const id = `scope-${scope.replace(/[^a-z0-9]+/gi, '-')}`;
      const label = STRAVA_SCOPES[scope] ?? scope;
      return `<li><input type="checkbox" id="${id}" name="scope" value="${escapeHtml(scope)}" checked>
<label for="${id}">${escapeHtml(label)} <code>${escapeHtml(scope)}</code></label></li>`;
    })
    .join('\n');
  return htmlPage(
    'Authorize | Strava (simulated)',
    `<h1>Authorize ${escapeHtml(r.appName)} to connect to Strava</h1>
<form id="authorize-form" method="post" action="/oauth/authorize">
<input type="hidden" name="client_id" value="${escapeHtml(r.clientId)}">
<input type="hidden" name="redirect_uri" value="${escapeHtml(r.redirectUri)}">
<input type="hidden" name="state" value="${escapeHtml(r.state)}">
<input type="hidden" name="response_type" value="code">
<fieldset>
<legend>${escapeHtml(r.appName)} is requesting access to:</legend>
<ul>
${boxes}
</ul>
</fieldset>
<button type="submit" id="authorize" name="decision" value="approve">Authorize</button>
<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button>
</form>`,
  );
}

/** The page Strava shows instead of redirecting once the app's athlete cap is reached. */
export function athleteCapPage(): string {
  return htmlPage(
    'Forbidden | Strava (simulated)',
    `<h1 id="athlete-cap">Limit of connected athletes exceeded</h1>
<p>This application has reached its limit of connected athletes. Please contact the developer of the application.</p>`,
  );
}
