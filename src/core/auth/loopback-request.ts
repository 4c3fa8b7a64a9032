import { sameState } from './oauth-state';

/** The parts of an HTTP request the loopback listener looks at, as Node hands them over (untrusted). */
export interface LoopbackRequest {
  method: string | undefined;
  target: string | undefined;
  host: string | undefined;
}

/** What the listener expects: its own origin (`http://127.0.0.1:<port>`), the redirect path and the `state` sent. */
export interface LoopbackExpectation {
  origin: string;
  path: string;
  state: string;
}

/** The sign-in redirect, or why a request is not it. */
export type LoopbackVerdict =
  | { kind: 'redirect'; url: URL }
  | { kind: 'bad-request' }
  | { kind: 'not-found' }
  | { kind: 'wrong-state' };

/**
 * Decides whether a request to the loopback port is our sign-in redirect. Pure and
 * total: any local process can send anything, so nothing here throws. Only an
 * origin-form target (`/path?query`) that resolves to our own origin counts (an
 * absolute URL, `//host` or `/\host` would move the host), the Host header must be
 * ours (a DNS-rebound page sends its own), and the one `state` must be the one we sent.
 */
export function judgeLoopbackRequest(
  request: LoopbackRequest,
  expected: LoopbackExpectation,
): LoopbackVerdict {
  const target = request.target ?? '';
  if (!target.startsWith('/')) return { kind: 'bad-request' };
  let url: URL;
  try {
    url = new URL(target, expected.origin);
  } catch {
    return { kind: 'bad-request' };
  }
  if (url.origin !== expected.origin) return { kind: 'bad-request' };
  if (url.pathname !== expected.path) return { kind: 'not-found' };
  if (request.method !== 'GET') return { kind: 'bad-request' };
  if (`http://${(request.host ?? '').toLowerCase()}` !== expected.origin) {
    return { kind: 'bad-request' };
  }
  const states = url.searchParams.getAll('state');
  if (states.length !== 1 || !sameState(expected.state, states[0])) return { kind: 'wrong-state' };
  return { kind: 'redirect', url };
}
