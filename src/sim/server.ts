import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allRoutes } from './all-routes';
import { internalErrorResponse, statusFaultResponse } from './injected-responses';
import { runRoute } from './route-pipeline';
import { findRoute } from './router';
import type { SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import { unknownRouteResponse } from './unknown-route';

/** The default hold of a `stall` fault: longer than any sane client timeout. */
const DEFAULT_STALL_MS = 120_000;

/** Lets a demo page on another origin drive `/__sim` (the server only listens on loopback). */
const CONTROL_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

/** A running HTTP server and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function write(res: ServerResponse, response: SimResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

/**
 * Answers one request: control routes directly; Strava and MTPW routes are counted,
 * then the fault plan may answer, drop or stall them before (or, for `drop` and
 * `stall` with `when: after`, after) normal handling.
 */
async function handle(
  sim: SimState,
  stalls: Set<NodeJS.Timeout>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Prefixing the origin (rather than resolving against it) keeps `//x` a path, not a host.
  const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS' && url.pathname.startsWith('/__sim/')) {
    write(res, { status: 204, headers: CONTROL_CORS, body: '' });
    return;
  }
  const { match, methodMismatch } = findRoute(allRoutes, method, url.pathname);
  if (!match) {
    write(res, unknownRouteResponse(method, url.pathname, methodMismatch));
    return;
  }
  const { route, params } = match;
  const key = `${method} ${route.template}`;
  if (route.family === 'control') {
    const response = await route.handler({ req, url, params, key, fault: undefined }, sim);
    write(res, { ...response, headers: { ...response.headers, ...CONTROL_CORS } });
    return;
  }
  sim.countRequest(key);
  const fault = sim.faults.take(key);
  if (fault?.type === 'status') {
    write(res, statusFaultResponse(route.family, fault.status));
    return;
  }
  if (fault?.type === 'drop' && fault.when !== 'after') {
    req.socket.destroy();
    return;
  }
  if (fault?.type === 'stall' && fault.when !== 'after') {
    // Take the whole request in, then never answer: the client sees a silent server.
    req.resume();
    holdUnanswered(req, stalls, fault.ms);
    return;
  }
  const response = await runRoute(route, { req, url, params, key, fault }, sim);
  if (fault?.type === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault?.type === 'stall') {
    // The work is done (an upload created), but the answer never comes.
    holdUnanswered(req, stalls, fault.ms);
    return;
  }
  write(res, response);
}

/** Keeps a request open without an answer for `ms`, then closes its socket. */
function holdUnanswered(req: IncomingMessage, stalls: Set<NodeJS.Timeout>, ms?: number): void {
  const timer = setTimeout(() => {
    stalls.delete(timer);
    req.socket.destroy();
  }, ms ?? DEFAULT_STALL_MS);
  stalls.add(timer);
}

/**
 * Serves the simulator on 127.0.0.1 only. `close()` ends everything, stalled and
 * keep-alive connections included, so a test never hangs on shutdown.
 */
export async function serve(sim: SimState, port: number): Promise<RunningServer> {
  const stalls = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    handle(sim, stalls, req, res).catch(() => {
      if (!res.headersSent) write(res, internalErrorResponse());
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of stalls) clearTimeout(timer);
        stalls.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
