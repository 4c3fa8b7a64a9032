import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/core/app/loopback-bridge';
import { ipcContract } from '../../src/shared/ipc-contract';

let server: Server;
let origin = '';
const calls: string[] = [];
const bridge = createBridge(
  {
    handle: (channel) => {
      calls.push(channel);
      return Promise.resolve({ ok: true, value: null });
    },
    onEvent: () => () => undefined,
  },
  { origin: () => origin },
);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!bridge.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  bridge.close();
  await new Promise<void>((done) => server.close(() => done()));
});

describe('bridge fuzzing: wrong Origin or token never reaches the app', () => {
  it('refuses any other Origin, and any missing or wrong token', async () => {
    const channel = fc.constantFrom(...Object.keys(ipcContract));
    const badOrigin = fc.oneof(
      fc.webUrl().map((u) => new URL(u).origin),
      fc.constantFrom('null', 'http://127.0.0.1', 'http://localhost', `${origin}.evil.com`),
    );
    const badToken = fc.oneof(
      fc.constant(undefined),
      fc
        .string({ maxLength: 64 })
        .filter((t) => t !== bridge.token && !/[\r\n]/.test(t) && /^[\x20-\x7e]*$/.test(t)),
    );
    await fc.assert(
      fc.asyncProperty(
        channel,
        fc.boolean(),
        badOrigin,
        badToken,
        async (name, wrongOrigin, evilOrigin, token) => {
          // Either the origin is wrong (with the right token), or the token is (from the right origin).
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            origin: wrongOrigin ? evilOrigin : origin,
          };
          const presented = wrongOrigin ? bridge.token : token;
          if (presented !== undefined) headers['x-mtp-token'] = presented;
          const response = await fetch(`${origin}/__mtp/call/${name}`, {
            method: 'POST',
            headers,
            body: '{}',
          });
          expect(response.status).toBe(403);
        },
      ),
      { numRuns: 200 },
    );
    expect(calls).toEqual([]);
  });
});
