import { z } from 'zod';
import { checkedInput as checked } from '../validation/checked-input';
import type { HttpClient } from '../http/http-client';
import { parseJsonBody } from '../http/parse-json';
import type { Clock } from '../ports';
import { stravaFaultError } from './strava-fault';
import { tokenResponseSchema, type TokenResponse } from './strava-schemas';

/** The Strava API app the user registered: its id is public, its secret is not. */
export interface StravaAppCredentials {
  clientId: string;
  clientSecret: string;
}

const codeInput = z.string().min(1).max(512);
const tokenInput = z.string().min(1).max(512);

/** Strava's /oauth endpoints: code exchange, refresh, revoke and deauthorize. */
export class StravaOAuthClient {
  constructor(
    private readonly http: HttpClient,
    private readonly oauthBase: string,
    private readonly app: StravaAppCredentials,
    private readonly clock: Clock,
  ) {}

  /** Exchanges a single-use authorization code for tokens and the athlete. */
  async exchangeCode(code: string): Promise<TokenResponse> {
    const valid = checked(codeInput, code, 'The Strava sign-in code');
    return this.token({ grant_type: 'authorization_code', code: valid });
  }

  /** Trades a refresh token for fresh tokens; the old refresh token may die at once. */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const valid = checked(tokenInput, refreshToken, 'The Strava refresh token');
    return this.token({ grant_type: 'refresh_token', refresh_token: valid });
  }

  /**
   * Revokes the grant (either token revokes both). Falls back to the older
   * /oauth/deauthorize where /oauth/revoke is not there (before June 2026 or on old proxies).
   */
  async revoke(tokens: { accessToken: string; refreshToken: string }): Promise<void> {
    const basic = Buffer.from(`${this.app.clientId}:${this.app.clientSecret}`).toString('base64');
    const response = await this.http.send({
      method: 'POST',
      url: `${this.oauthBase}/revoke`,
      headers: { authorization: `Basic ${basic}` },
      form: { token: tokens.refreshToken, token_type_hint: 'refresh_token' },
    });
    if (response.status >= 200 && response.status < 300) return;
    if (response.status === 404 || response.status === 405) {
      await this.deauthorize(tokens.accessToken);
      return;
    }
    throw stravaFaultError(response.status, response.text, this.clock.now());
  }

  /** The pre-2027 logout: kills every token of this athlete for the app. */
  async deauthorize(accessToken: string): Promise<void> {
    const response = await this.http.send({
      method: 'POST',
      url: `${this.oauthBase}/deauthorize`,
      headers: {
        authorization: `Bearer ${checked(tokenInput, accessToken, 'The Strava access token')}`,
      },
    });
    if (response.status >= 200 && response.status < 300) return;
    throw stravaFaultError(response.status, response.text, this.clock.now());
  }

  private async token(fields: Record<string, string>): Promise<TokenResponse> {
    const response = await this.http.send({
      method: 'POST',
      url: `${this.oauthBase}/token`,
      form: { client_id: this.app.clientId, client_secret: this.app.clientSecret, ...fields },
    });
    if (response.status !== 200)
      throw stravaFaultError(response.status, response.text, this.clock.now());
    return parseJsonBody(response.text, tokenResponseSchema, {
      service: 'Strava',
      what: 'sign-in tokens',
    });
  }
}
