import { afterEach, describe, expect, it } from 'vitest';
import {
  startLoopbackListener,
  type LoopbackListener,
} from '../../src/core/auth/loopback-listener';
import { newOAuthState } from '../../src/core/auth/oauth-state';
import { sendRaw } from '../support/raw-http';

const path = '/exchange_token';
let listener: LoopbackListener | undefined;
afterEach(async () => listener?.close());

async function start() {
  const state = newOAuthState();
  listener = await startLoopbackListener({ path, state, timeoutMs: 60_000 });
  const port = Number(new URL(listener.redirectUri).port);
  return { state, port, host: `127.0.0.1:${port}`, listener };
}

const get = (target: string, headers: string) =>
  `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;

describe('the loopback listener, under requests a hostile local process sends', () => {
  it('answers each with 400 or 404, keeps listening, and then takes the real redirect', async () => {
    const { state, port, host, listener } = await start();
    const good = `${path}?state=${state}&code=abc&scope=read,activity:write`;
    const attempts: Array<[string, string | Buffer, number]> = [
      ['a malformed Host', get(good, 'Host: [::bad\r\n'), 400],
      ['a Host of another site', get(good, 'Host: evil.example\r\n'), 400],
      ['a bad absolute-form target', get('http://[::bad/exchange_token', `Host: ${host}\r\n`), 400],
      [
        'an absolute-form target on another host',
        get(`http://evil.example${good}`, `Host: ${host}\r\n`),
        400,
      ],
      ['a scheme-relative target', get(`//evil.example${good}`, `Host: ${host}\r\n`), 400],
      ['an asterisk target', get('*', `Host: ${host}\r\n`), 400],
      ['no Host (HTTP/1.1)', get(good, ''), 400],
      ['no Host (HTTP/1.0)', `GET ${good} HTTP/1.0\r\n\r\n`, 400],
      ['garbage bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]), 400],
      ['a forged state', get(`${path}?state=forged&code=abc`, `Host: ${host}\r\n`), 400],
      [
        'a second state after a forged one',
        get(`${path}?state=forged&state=${state}&code=abc`, `Host: ${host}\r\n`),
        400,
      ],
      ['an empty callback', get(path, `Host: ${host}\r\n`), 400],
      ['another path', get('/', `Host: ${host}\r\n`), 404],
      [
        'a POST to the callback',
        `POST ${good} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        400,
      ],
    ];
    const answers: Array<[string, number]> = [];
    for (const [name, bytes] of attempts) answers.push([name, await sendRaw(port, bytes)]);
    expect(answers).toEqual(attempts.map(([name, , status]) => [name, status]));

    const response = await fetch(`${listener.redirectUri}?state=${state}&code=abc&scope=read`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Signed in/);
    const redirect = await listener.redirect;
    expect(redirect.origin).toBe(`http://${host}`);
    expect(redirect.searchParams.get('code')).toBe('abc');
  });

  it('takes a refusal with our state (the user said no) as the one redirect', async () => {
    const { state, listener } = await start();
    const response = await fetch(`${listener.redirectUri}?state=${state}&error=access_denied`);
    expect(await response.text()).toMatch(/Sign-in not completed/);
    expect((await listener.redirect).searchParams.get('error')).toBe('access_denied');
  });

  it('closes after its one redirect', async () => {
    const { state, listener } = await start();
    await fetch(`${listener.redirectUri}?state=${state}&code=abc`);
    await listener.redirect;
    await listener.close();
    await expect(fetch(`${listener.redirectUri}?state=${state}&code=abc`)).rejects.toThrow();
  });
});
