import type { Accounts } from '../../shared/ipc-contract';
import { startLoopbackListener } from '../auth/loopback-listener';
import { newOAuthState } from '../auth/oauth-state';
import { mtpwRedirectTarget, stravaRedirectTarget } from '../auth/redirect-targets';
import { UploadError } from '../errors/upload-error';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../mtpw/mtpw-authorize';
import { mtpwClientIdMissing, mtpwClientIdMissingMessage } from '../mtpw/mtpw-client-id';
import type { MtpwTokenStore } from '../mtpw/mtpw-token-store';
import type { AuthBrowser, Clock } from '../ports';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
  stravaRedirectPath,
} from '../strava/strava-authorize';
import type { AppSettings } from './app-settings';
import type { StravaProvider } from './strava-provider';
import type { ExtraStravaScope, GearOption } from '../../shared/shape-request';
import { gearOptions } from '../strava/strava-gear';

export type Service = 'strava' | 'mtpw';
export type SignInMethod = 'window' | 'browser';

/** How sign-ins reach the user: an embedded window, the system browser, and the OS protocol handler. */
export interface SignInHost {
  /** A child window that catches the redirect (the default way). */
  window: AuthBrowser;
  /** Opens a URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Waits for an `app.mtp.desktop://` URL delivered by the OS after opening `url` in the browser. */
  protocol: AuthBrowser;
}

const signInTimeoutMs = 5 * 60_000;
const capHint =
  "If Strava showed 'Limit of connected athletes exceeded', this Strava API app has as many athletes as Strava allows: enter an API app of your own in Settings.";

/** Connects, shows and disconnects the Strava and MTPW accounts, never exposing a token. */
export class AccountService {
  private readonly pending = new Map<Service, AbortController>();

  constructor(
    private readonly deps: {
      strava: StravaProvider;
      settings: AppSettings;
      mtpwTokens: MtpwTokenStore;
      host: SignInHost;
      clock: Clock;
    },
  ) {}

  /** Who is connected where. */
  async accounts(): Promise<Accounts> {
    const configured = await this.deps.strava.configured();
    const strava = configured ? await (await this.deps.strava.get()).session.account() : null;
    return {
      strava: strava
        ? { connected: true, name: strava.name, athleteId: strava.athleteId, scopes: strava.scopes }
        : { connected: false, scopes: [] },
      mtpw: {
        connected: (await this.deps.mtpwTokens.load()) !== null,
        ...(this.deps.settings.settings.mtpw.clientId
          ? {}
          : { setupNeeded: mtpwClientIdMissingMessage('app') }),
      },
      stravaAppConfigured: configured,
    };
  }

  /** Runs a sign-in; a second one for the same service cancels the first. */
  async connect(
    service: Service,
    method: SignInMethod,
    extraScopes: readonly ExtraStravaScope[] = [],
  ): Promise<Accounts> {
    this.pending.get(service)?.abort();
    const controller = new AbortController();
    this.pending.set(service, controller);
    try {
      if (service === 'strava') await this.connectStrava(method, controller.signal, extraScopes);
      else await this.connectMtpw(method, controller.signal);
    } finally {
      if (this.pending.get(service) === controller) this.pending.delete(service);
    }
    return this.accounts();
  }

  /** Cancels a sign-in in progress. */
  cancel(service: Service): boolean {
    const controller = this.pending.get(service);
    controller?.abort();
    return controller !== undefined;
  }

  /** Signs out: Strava is revoked (then forgotten even if unreachable); MTPW forgotten. */
  async disconnect(service: Service): Promise<Accounts> {
    if (service === 'strava') {
      if (await this.deps.strava.configured())
        await (await this.deps.strava.get()).session.signOut();
    } else {
      await this.deps.mtpwTokens.clear();
    }
    return this.accounts();
  }

  /** The athlete's bikes and shoes for the Edit panel (the token needs `profile:read_all`). */
  async gear(): Promise<GearOption[]> {
    const strava = await this.deps.strava.get();
    return gearOptions(await strava.api.getAthleteGear());
  }

  private async connectStrava(
    method: SignInMethod,
    signal: AbortSignal,
    extraScopes: readonly ExtraStravaScope[],
  ): Promise<void> {
    const strava = await this.deps.strava.get();
    const build = (redirectUri: string, state?: string) =>
      buildStravaAuthorizeUrl({
        oauthBase: strava.endpoints.oauthBase,
        clientId: strava.clientId,
        redirectUri,
        extraScopes: [...extraScopes],
        ...(state ? { state } : {}),
      });
    let redirect: URL;
    let state: string;
    if (method === 'window') {
      // Nothing listens on this port: the window's redirect is caught in main and cancelled.
      const redirectUri = `http://localhost:${20_000 + Math.floor(Math.random() * 40_000)}${stravaRedirectPath}`;
      const request = build(redirectUri);
      state = request.state;
      redirect = await this.deps.host.window
        .open(request.url, stravaRedirectTarget(redirectUri), signal)
        .catch((e: unknown) => {
          throw withHint(e);
        });
    } else {
      // The listener must know the state before the URL (which names its port) exists.
      state = newOAuthState();
      const listener = await startLoopbackListener({
        path: stravaRedirectPath,
        state,
        timeoutMs: signInTimeoutMs,
        signal,
        hint: capHint,
      });
      try {
        const request = build(listener.redirectUri, state);
        await this.deps.host.openExternal(request.url.href);
        redirect = await listener.redirect;
      } finally {
        await listener.close();
      }
    }
    const grant = parseStravaRedirect(redirect, state);
    await strava.session.completeSignIn(grant.code, grant.scopes);
  }

  private async connectMtpw(method: SignInMethod, signal: AbortSignal): Promise<void> {
    const clientId = this.deps.settings.settings.mtpw.clientId;
    if (!clientId) throw mtpwClientIdMissing('app');
    const { url, state } = buildMtpwAuthorizeUrl({
      baseUrl: this.deps.settings.settings.mtpw.baseUrl,
      clientId,
    });
    const browser = method === 'window' ? this.deps.host.window : this.deps.host.protocol;
    const redirect = await browser.open(url, mtpwRedirectTarget, signal);
    const { accessToken } = parseMtpwRedirect(redirect, state);
    await this.deps.mtpwTokens.save({ accessToken, connectedAt: this.deps.clock.now() });
  }
}

/** A sign-in window that timed out may be Strava's athlete-cap page, which never redirects. */
function withHint(error: unknown): unknown {
  if (
    error instanceof UploadError &&
    error.kind === 'timeout' &&
    !error.message.includes('Limit of connected')
  ) {
    return new UploadError(
      { ...error.toJSON(), message: `${error.message} ${capHint}` },
      { cause: error },
    );
  }
  return error;
}
