import type { CliRun } from '../tests/support/cli-runner';

/** The few entities the simulator's pages escape in attribute values. */
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/**
 * What a browser sends when Authorize is clicked on a simulated authorize page:
 * its hidden fields, its ticked boxes, and the button's `decision=approve`.
 */
function authorizeForm(html: string): { action: string; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('The authorize page has no form.');
  const body = new URLSearchParams();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const type = attr('type');
    const name = attr('name');
    if (!name || (type === 'checkbox' && !/\bchecked\b/.test(tag))) continue;
    body.append(unescape(name), unescape(attr('value') ?? ''));
  }
  body.append('decision', 'approve');
  return { action: unescape(action), body };
}

/** Opens the authorize page at `url`, clicks Authorize, and returns where it redirects. */
async function clickAuthorize(url: string): Promise<string> {
  const page = await fetch(url);
  const { action, body } = authorizeForm(await page.text());
  const answer = await fetch(new URL(action, url), { method: 'POST', body, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`Authorize did not redirect (HTTP ${answer.status}).`);
  return location;
}

/** Plays the browser for `login strava`: the printed address, Authorize, then the loopback redirect. */
export async function authorizeStrava(line: string): Promise<void> {
  const url = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
  if (!url) return;
  console.log('  (the demo opens that address and clicks Authorize)');
  await fetch(await clickAuthorize(url));
}

/** Plays the browser for `login mtpw`: Authorize, then pastes the app.mtp.desktop:// address. */
export async function authorizeMtpw(line: string, run: CliRun): Promise<void> {
  const url = /https?:\/\/\S+\/accounts\/authorize\/\S*/.exec(line)?.[0];
  if (!url) return;
  console.log(
    '  (the demo opens that address, clicks Authorize and pastes the address it ends on)',
  );
  run.child.stdin?.end(`${await clickAuthorize(url)}\n`);
}
