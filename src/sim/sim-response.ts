/**
 * What a route answers, as a value rather than writes to a socket.
 * Keeping answers as values lets the server drop or stall them afterwards
 * (the `drop: after` fault) and add rate-limit headers in one place.
 */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON answer. */
export function jsonResponse(status: number, value: unknown): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}

/** An HTML answer. */
export function htmlResponse(status: number, html: string): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/** A 302 redirect to `location`. */
export function redirectResponse(location: string): SimResponse {
  return { status: 302, headers: { location }, body: '' };
}

/** An answer without a body (e.g. the 200 of `/oauth/revoke`). */
export function emptyResponse(status: number): SimResponse {
  return { status, headers: {}, body: '' };
}
