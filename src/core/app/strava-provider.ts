import { UploadError } from '../errors/upload-error';
import type { HttpClient } from '../http/http-client';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import type { Clock, Logger, SecretStore } from '../ports';
import type { OnSecret } from '../secrets/json-secret';
import { RateLimitTracker } from '../strava/rate-limit-tracker';
import { createStravaClients, type StravaClients } from '../strava/strava-clients';
import type { AppSettings } from './app-settings';

/** The Strava side of the pipeline, resolved at each use: always the clients in effect now. */
export type LiveStrava = PipelineDeps['strava'];

/**
 * Hands out the Strava clients for the API app and hosts in effect, rebuilt when the
 * user changes either. Every client it builds shares ONE rate-limit tracker: Strava
 * counts the budget per app and athlete, and the banner must read the budget the
 * pipeline spends. Listeners hear when the clients or the account change.
 */
export class StravaProvider {
  private current: { key: string; clients: StravaClients } | undefined;
  /** The budget every client shares, whatever the settings. */
  readonly rateLimits = new RateLimitTracker();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: {
      http: HttpClient;
      settings: AppSettings;
      secrets: SecretStore;
      clock: Clock;
      logger: Logger;
      onSecret?: OnSecret;
    },
  ) {}

  /** The clients; a `config` error when no Strava API app is set up. */
  async get(): Promise<StravaClients> {
    const app = await this.deps.settings.stravaApp();
    const endpoints = this.deps.settings.settings.strava.endpoints;
    const key = JSON.stringify([app.clientId, app.clientSecret, endpoints]);
    if (this.current?.key !== key) {
      const rebuilt = this.current !== undefined;
      const clients = createStravaClients({
        http: this.deps.http,
        endpoints,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        secrets: this.deps.secrets,
        clock: this.deps.clock,
        logger: this.deps.logger,
        rateLimits: this.rateLimits,
        ...(this.deps.onSecret ? { onSecret: this.deps.onSecret } : {}),
      });
      this.current = { key, clients };
      if (rebuilt) {
        this.deps.logger.info('strava: clients rebuilt for the new settings');
        this.changed();
      }
    }
    return this.current.clients;
  }

  /** After a settings change: builds the clients now, so the next step already uses them. */
  async refresh(): Promise<void> {
    if (await this.configured()) await this.get();
    else if (this.current) {
      this.current = undefined;
      this.changed();
    }
  }

  /** Whether a Strava API app (Client ID and Secret) is set up. */
  async configured(): Promise<boolean> {
    const app = await this.deps.settings.stravaApp();
    return Boolean(app.clientId && app.clientSecret);
  }

  /**
   * What the pipeline holds instead of a client: each use reads the clients in effect,
   * so a step started after a change of app or hosts uses the new ones.
   */
  live(): LiveStrava {
    const clients = (): StravaClients => {
      if (this.current) return this.current.clients;
      throw new UploadError({
        kind: 'config',
        message:
          'The Strava API app is not set up yet: enter its Client ID and Client Secret in Settings.',
        retryable: false,
      });
    };
    return {
      get api() {
        return clients().api;
      },
      get session() {
        return clients().session;
      },
      rateLimits: this.rateLimits,
    };
  }

  /** The connected account changed (sign-in, sign-out): what was known of it is stale. */
  accountChanged(): void {
    this.changed();
  }

  /** Calls `listener` when the clients or the account change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
