import type { IncomingMessage } from 'node:http';
import type { SimFault } from './fault-plan';
import type { SimResponse } from './sim-response';

/**
 * Which service a route belongs to. The server runs a different pipeline for each:
 * Strava's API counts rate limits and adds headers, OAuth does not, MTPW is Django.
 */
export type RouteFamily = 'strava-oauth' | 'strava-api' | 'mtpw' | 'control';

/** What a handler gets: the request, its parsed URL and the path parameters. */
export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
  /** `"<METHOD> <template>"`, the key used by fault plans and request counts. */
  key: string;
  /** A fault taken from the plan that only the handler can act on (e.g. `duplicate`). */
  fault: SimFault | undefined;
}

/** A route handler: answers a request with a value, never by writing to the socket. */
export type RouteHandler<Ctx> = (request: RouteRequest, ctx: Ctx) => Promise<SimResponse>;

/** One route: a method, a path template such as `/api/v3/uploads/{id}`, and its handler. */
export interface Route<Ctx> {
  method: string;
  template: string;
  family: RouteFamily;
  handler: RouteHandler<Ctx>;
}

/** The result of matching a path against the routes. */
export interface RouteMatch<Ctx> {
  route: Route<Ctx>;
  params: Record<string, string>;
}

/**
 * Matches a path against one template, segment by segment.
 * Segments are compared exactly, so `/import/{uuid}/` and `/import/{uuid}` differ,
 * just as Django's URL patterns make the trailing slash matter.
 */
function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/**
 * Finds the route for a method and path. Returns `methodMismatch` when the path is
 * known under another method, so callers can answer 405 where the real service does.
 */
export function findRoute<Ctx>(
  routes: readonly Route<Ctx>[],
  method: string,
  path: string,
): { match?: RouteMatch<Ctx>; methodMismatch: boolean } {
  let methodMismatch = false;
  for (const route of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = matchTemplate(route.template, path);
    } catch {
      // A malformed percent-escape matches nothing, as a real router would 404.
      params = undefined;
    }
    if (!params) continue;
    if (route.method === method) return { match: { route, params }, methodMismatch: false };
    methodMismatch = true;
  }
  return { methodMismatch };
}
