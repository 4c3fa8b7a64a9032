import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/core/app/loopback-bridge';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function start() {
  const calls: Array<[string, unknown]> = [];
  let origin = '';
  const bridge = createBridge(
    {
      handle: (channel, request) => {
        calls.push([channel, request]);
        // A token a handler let slip: the bridge strips it, as main's registry does.
        return Promise.resolve({ ok: true, value: { seq: 3, items: [], accessToken: 'tok' } });
      },
      onEvent: () => () => undefined,
    },
    { origin: () => origin },
  );
  server = createServer((req, res) => {
    if (!bridge.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (channel: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${origin}/__mtp/call/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  return { bridge, calls, origin, post };
}

describe('the loopback bridge', () => {
  it('passes a call with the token from the page origin to the app', async () => {
    const { bridge, calls, origin, post } = await start();
    const response = await post('queue:get', { 'x-mtp-token': bridge.token, origin });
    expect(await response.json()).toEqual({ ok: true, value: { seq: 3, items: [] } });
    expect(calls).toEqual([['queue:get', {}]]);
    bridge.close();
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-mtp-token': 'guess' }],
    ['another origin', { origin: 'https://evil.example' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s before the app sees it', async (_name, headers) => {
    const { bridge, calls, post } = await start();
    const withToken =
      'x-mtp-token' in headers
        ? headers
        : { ...headers, 'x-mtp-token': _name === 'no token' ? '' : bridge.token };
    const response = await post('queue:get', withToken);
    expect(response.status).toBe(403);
    expect(calls).toEqual([]);
    bridge.close();
  });

  it('answers a body that is not JSON with a validation error', async () => {
    const { bridge, calls, origin, post } = await start();
    const response = await post('queue:add', { 'x-mtp-token': bridge.token, origin }, '{not json');
    expect(response.status).toBe(400);
    expect(calls).toEqual([]);
    bridge.close();
  });

  it('opens the event stream only with the token', async () => {
    const { bridge, origin } = await start();
    expect((await fetch(`${origin}/__mtp/events`)).status).toBe(403);
    const controller = new AbortController();
    const ok = await fetch(`${origin}/__mtp/events?token=${bridge.token}`, {
      signal: controller.signal,
    });
    expect(ok.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
    bridge.close();
  });
});
