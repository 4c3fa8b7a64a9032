import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { File, FormData } from 'formdata-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpTimeouts } from '../../src/core/http/http-client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  port: number;
}

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A server on 127.0.0.1 that records each request and answers it with `answer`. */
async function serve(
  answer: (res: ServerResponse, seen: Seen) => void = (res) => res.end('{}'),
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const one: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        port: req.socket.remotePort ?? 0,
      };
      seen.push(one);
      answer(res, one);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

const quick: HttpTimeouts = { connectMs: 2000, responseMs: 200, idleMs: 200 };

describe('the HTTP client over node:http', () => {
  it('sends a form, JSON and query parameters with their types and lengths', async () => {
    const { url, seen } = await serve();
    const http = createHttpClient({ userAgent: 'test-agent' });
    await http.send({ method: 'POST', url: `${url}/token`, form: { a: '1 2', b: 'é' } });
    await http.send({ method: 'PUT', url: `${url}/thing?keep=1`, json: { x: [1] } });
    await http.send({ method: 'GET', url: `${url}/list`, searchParams: { after: '5', page: '2' } });
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/token'],
      ['PUT', '/thing?keep=1'],
      ['GET', '/list?after=5&page=2'],
    ]);
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(seen[0]?.body.length),
      'user-agent': 'test-agent',
    });
    expect(new URLSearchParams(seen[0]?.body.toString()).get('b')).toBe('é');
    expect(seen[1]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[1]?.body.toString() ?? '')).toEqual({ x: [1] });
  });

  it('gives back every status with its headers and text, and follows no redirect', async () => {
    const { url, seen } = await serve((res, s) => {
      if (s.url === '/moved') {
        res.writeHead(302, { location: '/elsewhere' }).end();
      } else {
        res.writeHead(429, { 'x-ratelimit-usage': '1,2' }).end('{"message":"slow down"}');
      }
    });
    const http = createHttpClient();
    expect(await http.send({ method: 'GET', url: `${url}/moved` })).toMatchObject({
      status: 302,
      headers: { location: '/elsewhere' },
    });
    expect(await http.send({ method: 'GET', url: `${url}/limited` })).toMatchObject({
      status: 429,
      headers: { 'x-ratelimit-usage': '1,2' },
      text: '{"message":"slow down"}',
    });
    expect(seen.map((s) => s.url)).toEqual(['/moved', '/limited']);
  });

  it('reuses one connection for requests one after another', async () => {
    const { url, seen } = await serve();
    const http = createHttpClient();
    for (let i = 0; i < 3; i++) await http.send({ method: 'GET', url: `${url}/again` });
    expect(new Set(seen.map((s) => s.port)).size).toBe(1);
  });

  it('sends a multipart body with its length, and reports its progress up to the whole body', async () => {
    const { url, seen } = await serve();
    const http = createHttpClient();
    const form = new FormData();
    form.set('data_type', 'gpx');
    form.set('file', new File([Buffer.alloc(200_000, 7)], 'track.gpx'));
    const progress: { transferred: number; total?: number }[] = [];
    await http.send({
      method: 'POST',
      url: `${url}/uploads`,
      multipart: form,
      onUploadProgress: (p) => progress.push(p),
    });
    const length = Number(seen[0]?.headers['content-length']);
    expect(seen[0]?.body.length).toBe(length);
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ transferred: length, total: length });
    const moved = progress.map((p) => p.transferred);
    expect(moved).toEqual([...moved].sort((a, b) => a - b));
  });

  it('streams a multipart body too large to hold, and it arrives whole', async () => {
    const { url, seen } = await serve();
    const http = createHttpClient();
    const form = new FormData();
    form.set('file', new File([Buffer.alloc(5 * 1024 * 1024, 3)], 'big.gpx'));
    const progress: number[] = [];
    await http.send({
      method: 'POST',
      url: `${url}/uploads`,
      multipart: form,
      onUploadProgress: (p) => progress.push(p.transferred),
    });
    expect(seen[0]?.body.length).toBe(Number(seen[0]?.headers['content-length']));
    expect(seen[0]?.body.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(progress.at(-1)).toBe(seen[0]?.body.length);
  });

  it('times out an answer that never comes, and one whose body stops halfway', async () => {
    const { url } = await serve((res, s) => {
      if (s.url === '/half') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial":');
      }
    });
    const http = createHttpClient({ timeouts: quick });
    await expect(http.send({ method: 'GET', url: `${url}/never` })).rejects.toMatchObject({
      kind: 'timeout',
      retryable: true,
      message: expect.stringContaining('127.0.0.1') as unknown,
    });
    await expect(http.send({ method: 'GET', url: `${url}/half` })).rejects.toMatchObject({
      kind: 'timeout',
    });
  });

  it('types an answer cut off by the server as a network failure', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":', () => res.socket?.destroy());
    });
    await expect(
      createHttpClient({ timeouts: quick }).send({ method: 'GET', url: `${url}/cut` }),
    ).rejects.toMatchObject({ kind: 'network', retryable: true });
  });

  it('types a refused connection as a network failure', async () => {
    const { url } = await serve();
    server?.close();
    server = undefined;
    await expect(
      createHttpClient({ timeouts: quick }).send({ method: 'GET', url: `${url}/gone` }),
    ).rejects.toMatchObject({
      kind: 'network',
      detail: expect.stringContaining('ECONNREFUSED') as unknown,
    });
  });

  it('stops at once when its signal aborts, as cancelled', async () => {
    const { url } = await serve(() => undefined);
    const controller = new AbortController();
    const pending = createHttpClient().send({
      method: 'GET',
      url: `${url}/slow`,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(
      createHttpClient().send({ method: 'GET', url: `${url}/slow`, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
