import { describe, expect, it } from 'vitest';
import { judgeLoopbackRequest } from '../../src/core/auth/loopback-request';

const expected = {
  origin: 'http://127.0.0.1:4711',
  path: '/exchange_token',
  state: 'S'.repeat(22),
};
const good = `/exchange_token?state=${expected.state}&code=abc`;
/** The verdict on a request; `host: null` sends none. */
const judge = (
  target: string | undefined,
  { host = '127.0.0.1:4711', method = 'GET' }: { host?: string | null; method?: string } = {},
) => judgeLoopbackRequest({ method, target, host: host ?? undefined }, expected).kind;

describe('judging a request to the loopback listener', () => {
  it('takes the redirect with our state, Host in any case', () => {
    expect(judge(good)).toBe('redirect');
    expect(judge(good, { host: '127.0.0.1:4711'.toUpperCase() })).toBe('redirect');
  });

  it.each([
    ['no target', undefined],
    ['an absolute-form target, even to our own origin', `http://127.0.0.1:4711${good}`],
    ['a backslash that moves the host', `/\\evil.example${good}`],
    ['a scheme-relative target', `//evil.example${good}`],
  ])('refuses %s as a bad request', (_name, target) => {
    expect(judge(target)).toBe('bad-request');
  });

  it.each([
    ['no Host', null],
    ['localhost, which the redirect URI does not name', 'localhost:4711'],
    ['another port', '127.0.0.1:4712'],
    ['a malformed Host', '[::bad'],
  ])('refuses %s', (_name, host) => {
    expect(judge(good, { host })).toBe('bad-request');
  });

  it('tells another path from the callback without the right state', () => {
    expect(judge('/favicon.ico')).toBe('not-found');
    expect(judge('/exchange_token')).toBe('wrong-state');
    expect(judge('/exchange_token?state=')).toBe('wrong-state');
    expect(judge(`/exchange_token?state=${expected.state}&state=${expected.state}`)).toBe(
      'wrong-state',
    );
    expect(judge(good, { method: 'HEAD' })).toBe('bad-request');
  });
});
