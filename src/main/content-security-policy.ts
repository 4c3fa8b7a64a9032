/**
 * The renderer page's Content-Security-Policy. The renderer never talks to the
 * network (main does, through IPC), so nothing but the app's own files may load and
 * `connect-src` is closed.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

/** The policy as a response header on the app's page. */
export const contentSecurityPolicy = directives
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/**
 * The policy for `<meta http-equiv="Content-Security-Policy">` in index.html, a second
 * layer under the header that app-protocol.ts sends with the page. Browsers ignore
 * `frame-ancestors` in a meta tag (and log an error), so it is left out there.
 */
export const metaContentSecurityPolicy = directives
  .filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** Response headers with our policy in place of any the server sent (a dev server may send its own). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [contentSecurityPolicy] };
}
