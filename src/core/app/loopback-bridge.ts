import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ipcEvents,
  type EventName,
  type IpcEvent,
  type IpcResult,
} from '../../shared/ipc-contract';
import { filterIpcResponse } from '../../shared/ipc-response-filter';

/** What the bridge serves: the same entry point and events main registers for IPC. */
export interface BridgeApp {
  handle(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: IpcEvent) => void): () => void;
}

/** What the harness page hears: the app's events, and sign-in popups or opened links. */
export type BridgeEvent =
  { type: 'open'; url: string } | { type: EventName; payload: IpcEvent['payload'] };

const maxBody = 1024 * 1024;
const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Serves the IPC contract to a browser page over loopback HTTP, for tests and
 * `npm run dev:web` only: POST /__mtp/call/<channel> and an event stream. Every
 * call needs the random token and, when the browser sends one, the page's own
 * Origin; anything else is refused before the app sees it.
 */
export function createBridge(app: BridgeApp, options: { origin: () => string; token?: string }) {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const broadcast = (event: BridgeEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(data);
  };
  const unsubscribe = app.onEvent((event) => {
    if (Object.hasOwn(ipcEvents, event.name))
      broadcast({ type: event.name, payload: event.payload });
  });

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ ok: false, error: { kind: 'invalid-input', message, retryable: false } }),
      );
  };
  const trusted = (req: IncomingMessage, presented: string | undefined) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== options.origin()) return false;
    // Without an Origin header (same-origin GET), the fetch metadata must still say same-origin.
    const site = req.headers['sec-fetch-site'];
    if (origin === undefined && site !== undefined && site !== 'same-origin') return false;
    return typeof presented === 'string' && sameToken(presented, token);
  };

  /** Handles a bridge request; returns false for any other path. */
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__mtp/events' && req.method === 'GET') {
      if (!trusted(req, url.searchParams.get('token') ?? undefined)) {
        refuse(res, 403, 'Not allowed.');
        return true;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    const call = /^\/__mtp\/call\/([a-zA-Z:_]{1,64})$/.exec(url.pathname);
    if (!call || req.method !== 'POST') return false;
    const presented = req.headers['x-mtp-token'];
    if (!trusted(req, Array.isArray(presented) ? presented[0] : presented)) {
      refuse(res, 403, 'Not allowed.');
      req.resume();
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let body: unknown;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        refuse(res, 400, 'The request was not valid.');
        return;
      }
      const channel = call[1] ?? '';
      // The same outgoing check as main's registry: unknown fields never leave.
      void app.handle(channel, body).then((answer) => {
        const result = filterIpcResponse(channel, answer);
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(result));
      });
    });
    return true;
  };

  return {
    token,
    handle,
    /** Sends a harness event (e.g. "open this sign-in page") to every connected page. */
    broadcast,
    close: () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
