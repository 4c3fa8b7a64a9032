import { UploadError } from '../errors/upload-error';
import { silentLogger, type Clock, type Logger } from '../ports';
import type { StravaOAuthClient } from './strava-oauth-client';
import type { TokenResponse } from './strava-schemas';
import type { StoredStravaTokens, StravaTokenStore } from './strava-token-store';

/** Refresh this long before expiry, so no request leaves with a token about to die. */
export const refreshMarginMs = 5 * 60 * 1000;

/** Who is connected, without any secret: safe to show and to send over IPC. */
export interface StravaAccount {
  athleteId: string;
  name: string;
  scopes: string[];
}

const notConnected = () =>
  new UploadError({
    kind: 'auth',
    message: 'Strava is not connected. Connect Strava first.',
    retryable: false,
  });

/**
 * Owns Strava's tokens: completes sign-in, hands out a fresh access token
 * (refreshing one at a time, saving the rotated refresh token before it is
 * used) and signs out.
 */
export class StravaSession {
  private refreshing: Promise<StoredStravaTokens> | undefined;

  constructor(
    private readonly oauth: StravaOAuthClient,
    private readonly store: StravaTokenStore,
    private readonly clock: Clock,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Exchanges the code from the redirect and stores the tokens with the scopes granted. */
  async completeSignIn(code: string, grantedScopes: string[]): Promise<StravaAccount> {
    const response = await this.oauth.exchangeCode(code);
    const athlete = response.athlete;
    const name = athlete
      ? [athlete.firstname, athlete.lastname].filter(Boolean).join(' ') ||
        athlete.username ||
        `Athlete ${athlete.id}`
      : 'Strava athlete';
    const tokens = toStored(
      response,
      grantedScopes,
      athlete ? { id: athlete.id, name } : undefined,
    );
    await this.store.save(tokens);
    this.logger.info('strava: signed in', { athleteId: tokens.athlete?.id, scopes: grantedScopes });
    return accountOf(tokens);
  }

  /** The connected account, or null. */
  async account(): Promise<StravaAccount | null> {
    const tokens = await this.store.load();
    return tokens ? accountOf(tokens) : null;
  }

  /** A valid access token, refreshed first when it expires within five minutes. */
  async accessToken(): Promise<string> {
    const tokens = await this.store.load();
    if (!tokens) throw notConnected();
    if (tokens.expiresAt * 1000 - this.clock.now() > refreshMarginMs) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  /**
   * After Strava answered 401 to `rejected`: refresh unless another caller already
   * did, and hand back the token to try once more.
   */
  async refreshAfterRejection(rejected: string): Promise<string> {
    const tokens = await this.store.load();
    if (!tokens) throw notConnected();
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  /**
   * Revokes the grant at Strava, then forgets the tokens, even when Strava
   * cannot be reached (the user asked to be signed out of this app).
   */
  async signOut(): Promise<{ revokedAtStrava: boolean }> {
    await this.refreshing?.catch(() => undefined);
    const tokens = await this.store.load();
    if (!tokens) return { revokedAtStrava: false };
    try {
      await this.oauth.revoke(tokens);
      return { revokedAtStrava: true };
    } catch (error) {
      this.logger.warn('strava: revoke failed; tokens forgotten locally', {
        kind: (error as UploadError).kind,
      });
      return { revokedAtStrava: false };
    } finally {
      await this.store.clear();
    }
  }

  /** One refresh at a time: concurrent callers share the same promise. */
  private refreshOnce(current: StoredStravaTokens): Promise<StoredStravaTokens> {
    this.refreshing ??= this.refresh(current).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(current: StoredStravaTokens): Promise<StoredStravaTokens> {
    let response: TokenResponse;
    try {
      response = await this.oauth.refresh(current.refreshToken);
    } catch (error) {
      // Forget only the sign-in Strava refused: a new one saved meanwhile (a reconnect
      // with another app while this refresh was on its way) is kept.
      if (error instanceof UploadError && error.kind === 'auth') {
        const stored = await this.store.load();
        if (stored?.refreshToken === current.refreshToken) await this.store.clear();
      }
      throw error;
    }
    const next = toStored(response, current.scopes, current.athlete);
    // Strava kills the old refresh token the moment it returns a new one: save first.
    await this.store.save(next);
    this.logger.info('strava: tokens refreshed', { expiresAt: next.expiresAt });
    return next;
  }
}

function toStored(
  response: TokenResponse,
  scopes: string[],
  athlete: StoredStravaTokens['athlete'],
): StoredStravaTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: response.expires_at,
    scopes,
    ...(athlete ? { athlete } : {}),
  };
}

function accountOf(tokens: StoredStravaTokens): StravaAccount {
  return {
    athleteId: tokens.athlete?.id ?? '',
    name: tokens.athlete?.name ?? 'Strava athlete',
    scopes: tokens.scopes,
  };
}
