import type { HttpClient } from '../http/http-client';
import type { Clock, Logger, SecretStore } from '../ports';
import type { OnSecret } from '../secrets/json-secret';
import { createStravaClients, type StravaClients } from '../strava/strava-clients';
import type { AppSettings } from './app-settings';

/** Hands out the Strava clients for the API app in use, rebuilt when the user changes it. */
export class StravaProvider {
  private current: { key: string; clients: StravaClients } | undefined;

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
    const key = `${app.clientId ?? ''}:${app.clientSecret ?? ''}`;
    if (this.current?.key !== key) {
      const clients = createStravaClients({
        http: this.deps.http,
        endpoints: this.deps.settings.settings.strava.endpoints,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        secrets: this.deps.secrets,
        clock: this.deps.clock,
        logger: this.deps.logger,
        ...(this.deps.onSecret ? { onSecret: this.deps.onSecret } : {}),
      });
      this.current = { key, clients };
    }
    return this.current.clients;
  }

  /** Whether a Strava API app (Client ID and Secret) is set up. */
  async configured(): Promise<boolean> {
    const app = await this.deps.settings.stravaApp();
    return Boolean(app.clientId && app.clientSecret);
  }
}
