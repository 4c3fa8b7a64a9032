import { randomToken } from './random-token';

const ACCESS_TTL_MS = 6 * 60 * 60 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
const REUSE_ACCESS_IF_LEFT_MS = 60 * 60 * 1000;

/** One athlete's authorization of the app: the scope granted and its current tokens. */
export interface Grant {
  id: number;
  athleteId: number;
  clientId: string;
  scope: string[];
  revoked: boolean;
  currentAccess: string;
  currentRefresh: string;
}

/** The token fields of `/oauth/token`'s answer. */
export interface TokenSet {
  token_type: 'Bearer';
  expires_at: number;
  expires_in: number;
  refresh_token: string;
  access_token: string;
}

interface AccessRecord {
  grant: Grant;
  expiresAtMs: number;
}

interface CodeRecord {
  clientId: string;
  athleteId: number;
  scope: string[];
  createdAt: number;
  used: boolean;
}

/**
 * Strava's OAuth bookkeeping: authorization codes, grants, access and refresh tokens.
 * Several access tokens may be alive per grant, because after a refresh the older one
 * keeps working until it expires.
 */
export class StravaGrants {
  private codes = new Map<string, CodeRecord>();
  private grants: Grant[] = [];
  private access = new Map<string, AccessRecord>();
  private refreshTokens = new Map<string, { grant: Grant; alive: boolean }>();

  constructor(private readonly now: () => number) {}

  /** Issues a single-use authorization code for an approved authorize page. */
  createCode(clientId: string, athleteId: number, scope: string[]): string {
    const code = randomToken();
    this.codes.set(code, { clientId, athleteId, scope, createdAt: this.now(), used: false });
    return code;
  }

  /** Exchanges a code: undefined when it is unknown, used, expired or for another app. */
  redeemCode(code: string, clientId: string): { tokens: TokenSet; grant: Grant } | undefined {
    const record = this.codes.get(code);
    if (!record || record.used || record.clientId !== clientId) return undefined;
    if (this.now() - record.createdAt > CODE_TTL_MS) return undefined;
    record.used = true;
    return this.issue(clientId, record.athleteId, record.scope);
  }

  /** Creates a new grant with fresh tokens (also used by `issueTokens` in tests). */
  issue(clientId: string, athleteId: number, scope: string[]): { tokens: TokenSet; grant: Grant } {
    const grant: Grant = {
      id: this.grants.length + 1,
      athleteId,
      clientId,
      scope: [...scope],
      revoked: false,
      currentAccess: this.mintAccess(),
      currentRefresh: '',
    };
    this.access.set(grant.currentAccess, { grant, expiresAtMs: this.now() + ACCESS_TTL_MS });
    grant.currentRefresh = this.mintRefresh(grant);
    this.grants.push(grant);
    return { tokens: this.tokenSet(grant), grant };
  }

  /**
   * Refreshes: undefined when the refresh token is unknown, dead or for another app.
   * The current access token comes back unchanged while it has more than an hour left.
   */
  refresh(refreshToken: string, clientId: string, rotate: boolean): TokenSet | undefined {
    const record = this.refreshTokens.get(refreshToken);
    if (!record || !record.alive || record.grant.revoked) return undefined;
    const grant = record.grant;
    if (grant.clientId !== clientId) return undefined;
    const current = this.access.get(grant.currentAccess);
    if (!current || current.expiresAtMs - this.now() <= REUSE_ACCESS_IF_LEFT_MS) {
      grant.currentAccess = this.mintAccess();
      this.access.set(grant.currentAccess, { grant, expiresAtMs: this.now() + ACCESS_TTL_MS });
    }
    if (rotate) {
      record.alive = false;
      grant.currentRefresh = this.mintRefresh(grant);
    }
    return this.tokenSet(grant);
  }

  /** The grant behind a live access token, or undefined if it is unknown, expired or revoked. */
  authenticate(accessToken: string): Grant | undefined {
    const record = this.access.get(accessToken);
    if (!record || record.grant.revoked || record.expiresAtMs <= this.now()) return undefined;
    return record.grant;
  }

  /** Makes an access token expire now (the `expire-token` fault). */
  expire(accessToken: string): void {
    const record = this.access.get(accessToken);
    if (record) record.expiresAtMs = Math.min(record.expiresAtMs, this.now());
  }

  /** Kills every grant of the token's athlete for the app; false if the token is not live. */
  deauthorize(accessToken: string): boolean {
    const grant = this.authenticate(accessToken);
    if (!grant) return false;
    for (const g of this.grants) {
      if (g.athleteId === grant.athleteId && g.clientId === grant.clientId) g.revoked = true;
    }
    return true;
  }

  /** Revokes the grant an access or refresh token belongs to; unknown tokens are ignored. */
  revoke(token: string, clientId: string): void {
    const grant = this.access.get(token)?.grant ?? this.refreshTokens.get(token)?.grant;
    if (grant && grant.clientId === clientId) grant.revoked = true;
  }

  /** A summary of the grants for `state()`, without the tokens themselves. */
  snapshot(): {
    athlete_id: string;
    scope: string[];
    revoked: boolean;
    access_expires_at: number;
  }[] {
    return this.grants.map((g) => ({
      athlete_id: String(g.athleteId),
      scope: g.scope,
      revoked: g.revoked,
      access_expires_at: Math.floor((this.access.get(g.currentAccess)?.expiresAtMs ?? 0) / 1000),
    }));
  }

  private mintAccess(): string {
    return randomToken();
  }

  private mintRefresh(grant: Grant): string {
    const token = randomToken();
    this.refreshTokens.set(token, { grant, alive: true });
    return token;
  }

  private tokenSet(grant: Grant): TokenSet {
    const now = this.now();
    const expiresAtMs = this.access.get(grant.currentAccess)?.expiresAtMs ?? now;
    return {
      token_type: 'Bearer',
      expires_at: Math.floor(expiresAtMs / 1000),
      // Rounded, so a token minted a few ms ago still reports Strava's 21600.
      expires_in: Math.max(0, Math.round((expiresAtMs - now) / 1000)),
      refresh_token: grant.currentRefresh,
      access_token: grant.currentAccess,
    };
  }
}
