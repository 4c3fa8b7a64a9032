import { afterEach, describe, expect, it, vi } from 'vitest';
import { mtpwRedirectTarget } from '../../src/core/auth/redirect-targets';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../src/core/mtpw/mtpw-authorize';
import { findMtpwUrl, listenForOpenUrl } from '../../src/main/mtpw-protocol';
import { createProtocolRedirectInbox } from '../../src/main/redirect-inbox';
import { createProtocolAuthBrowser } from '../../src/main/redirect-protocol-browser';
import { requestSingleInstance } from '../../src/main/single-instance';
import { FakeApp } from './support/fake-app';
import { flush, track } from './support/promise-state';

const timeoutMs = 60_000;
const redirect = (state: string) => `app.mtp.desktop://app#access_token=tok&state=${state}`;

afterEach(() => vi.useRealTimers());

describe('the protocol redirect inbox', () => {
  it('gives a pending sign-in the first URL that matches it', async () => {
    const inbox = createProtocolRedirectInbox();
    const waiting = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    expect(inbox.deliver('https://mtp.trekview.org/')).toBe(false);
    expect(inbox.deliver('app.mtp.desktop.evil://app#access_token=evil&state=s')).toBe(false);
    expect(inbox.deliver(redirect('s'))).toBe(true);
    expect((await waiting).href).toBe(redirect('s'));
    expect(inbox.deliver(redirect('later'))).toBe(false);
  });

  it('ignores, and never keeps, URLs that arrive with nobody waiting', async () => {
    vi.useFakeTimers();
    const inbox = createProtocolRedirectInbox();
    expect(inbox.deliver(redirect('early'))).toBe(false);
    const waiting = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    const watched = track(waiting);
    const outcome = expect(waiting).rejects.toMatchObject({ kind: 'timeout' });
    await flush();
    expect(watched.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(timeoutMs);
    await outcome;
    expect(inbox.deliver(redirect('after the timeout'))).toBe(false);
  });

  it('times out with words about the browser', async () => {
    vi.useFakeTimers();
    const inbox = createProtocolRedirectInbox();
    const outcome = expect(inbox.waitFor(mtpwRedirectTarget, { timeoutMs })).rejects.toMatchObject({
      kind: 'timeout',
      retryable: true,
      message: expect.stringMatching(/browser within 1 minute/),
    });
    await vi.advanceTimersByTimeAsync(timeoutMs);
    await outcome;
  });

  it('is cancelled by the signal, and then takes nothing', async () => {
    const inbox = createProtocolRedirectInbox();
    const controller = new AbortController();
    const waiting = inbox.waitFor(mtpwRedirectTarget, { timeoutMs, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(inbox.deliver(redirect('s'))).toBe(false);
    const other = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    await expect(
      inbox.waitFor(mtpwRedirectTarget, { timeoutMs, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(inbox.deliver(redirect('other'))).toBe(true);
    expect((await other).hash).toContain('state=other');
    await expect(
      inbox.waitFor(mtpwRedirectTarget, { timeoutMs, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(inbox.deliver(redirect('s'))).toBe(false);
  });

  it('serves waiters in order, each URL once', async () => {
    const inbox = createProtocolRedirectInbox();
    const first = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    const second = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    expect(inbox.deliver(redirect('a'))).toBe(true);
    expect(inbox.deliver(redirect('b'))).toBe(true);
    expect((await first).hash).toContain('state=a');
    expect((await second).hash).toContain('state=b');
  });
});

describe('URLs from the OS', () => {
  it.each([
    [['/opt/MTP/mtp-strava-uploader', redirect('s')], redirect('s')],
    [['C:\\MTP\\MTP.exe', '--allow-file-access-from-files', redirect('s')], redirect('s')],
    [['electron', '/app/out/main/main.js', '--', redirect('s')], redirect('s')],
    [
      ['electron', 'APP.MTP.DESKTOP://test#access_token=t'],
      'APP.MTP.DESKTOP://test#access_token=t',
    ],
    [['/opt/MTP/mtp-strava-uploader', 'app.mtp.desktop.evil://app#access_token=t'], undefined],
    [['/opt/MTP/mtp-strava-uploader', 'xapp.mtp.desktop://app#access_token=t'], undefined],
    [['/opt/MTP/mtp-strava-uploader', '--url=app.mtp.desktop://app'], undefined],
    [['/opt/MTP/mtp-strava-uploader'], undefined],
    [[], undefined],
  ])('finds the MTPW URL in %j', (argv, found) => {
    expect(findMtpwUrl(argv)).toBe(found);
  });

  it('second-instance (Windows, Linux) brings the window forward and delivers the argv URL', async () => {
    const app = new FakeApp();
    const inbox = createProtocolRedirectInbox();
    const window = {
      isDestroyed: vi.fn(() => false),
      isMinimized: vi.fn(() => true),
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    };
    expect(
      requestSingleInstance(
        app,
        (argv) => {
          const url = findMtpwUrl(argv);
          if (url) inbox.deliver(url);
        },
        () => window,
      ),
    ).toBe(true);
    const { url, state } = buildMtpwAuthorizeUrl({
      baseUrl: 'https://mtp.trekview.org',
      clientId: 'd',
    });
    expect(url.protocol).toBe('https:');
    const waiting = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    app.secondInstance(['/opt/MTP/mtp-strava-uploader', redirect(state)]);
    expect(parseMtpwRedirect(await waiting, state)).toEqual({ accessToken: 'tok' });
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('open-url (macOS) delivers to the inbox and claims the event', async () => {
    const app = new FakeApp();
    const inbox = createProtocolRedirectInbox();
    listenForOpenUrl(app, inbox);
    const waiting = inbox.waitFor(mtpwRedirectTarget, { timeoutMs });
    expect(app.openUrl('app.mtp.desktop.evil://app#access_token=x&state=s')).toBe(true);
    expect(app.openUrl(redirect('s'))).toBe(true);
    expect((await waiting).href).toBe(redirect('s'));
  });
});

describe('"Sign in with your browser" for MTPW', () => {
  it('waits before opening the browser, so even an instant redirect is caught', async () => {
    const inbox = createProtocolRedirectInbox();
    const { url, state } = buildMtpwAuthorizeUrl({
      baseUrl: 'https://mtp.trekview.org',
      clientId: 'd',
    });
    const openExternal = vi.fn((_url: string) => {
      inbox.deliver(redirect(state));
      return Promise.resolve();
    });
    const browser = createProtocolAuthBrowser({ inbox, openExternal, timeoutMs });
    const caught = await browser.open(url, mtpwRedirectTarget);
    expect(openExternal).toHaveBeenCalledWith(url.href);
    expect(parseMtpwRedirect(caught, state).accessToken).toBe('tok');
  });

  it('stops waiting and says so when the browser cannot be opened', async () => {
    const inbox = createProtocolRedirectInbox();
    const browser = createProtocolAuthBrowser({
      inbox,
      openExternal: () => Promise.reject(new Error('xdg-open not found')),
      timeoutMs,
    });
    await expect(
      browser.open(new URL('https://mtp.trekview.org/accounts/authorize/'), mtpwRedirectTarget),
    ).rejects.toMatchObject({ kind: 'config', detail: 'xdg-open not found' });
    expect(inbox.deliver(redirect('s'))).toBe(false);
  });

  it('is cancelled by the signal', async () => {
    const inbox = createProtocolRedirectInbox();
    const controller = new AbortController();
    const browser = createProtocolAuthBrowser({
      inbox,
      openExternal: () => Promise.resolve(),
      timeoutMs,
    });
    const waiting = browser.open(
      new URL('https://mtp.trekview.org/accounts/authorize/'),
      mtpwRedirectTarget,
      controller.signal,
    );
    await flush();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(inbox.deliver(redirect('s'))).toBe(false);
  });

  it('times out after five minutes unless told otherwise', async () => {
    vi.useFakeTimers();
    const inbox = createProtocolRedirectInbox();
    const browser = createProtocolAuthBrowser({ inbox, openExternal: () => Promise.resolve() });
    const waiting = browser.open(
      new URL('https://mtp.trekview.org/accounts/authorize/'),
      mtpwRedirectTarget,
    );
    const outcome = expect(waiting).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/5 minutes/),
    });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await outcome;
  });
});
