import { z } from 'zod';
import type { Settings } from '../config/settings';
import type { SecretStore, StateStore } from '../ports';

const clientIdKey = 'settings.strava.clientId';
const secretAccount = 'strava.clientSecret';

/** The Strava API app in use: what the user entered in Settings, else the `.env` values. */
export interface StravaApp {
  clientId?: string;
  clientSecret?: string;
}

/**
 * Settings the user edits in the app. The Client ID is not secret and lives in the
 * state file; the Client Secret lives in the keychain like the tokens.
 */
export class AppSettings {
  constructor(
    private readonly base: Settings,
    private readonly state: StateStore,
    private readonly secrets: SecretStore,
  ) {}

  /** The environment-derived settings (base URLs). */
  get settings(): Settings {
    return this.base;
  }

  /** The Strava API app to use now. */
  async stravaApp(): Promise<StravaApp> {
    const stored = z
      .string()
      .regex(/^\d{1,20}$/)
      .safeParse(this.state.get(clientIdKey));
    const clientId = stored.success ? stored.data : this.base.strava.clientId;
    const clientSecret = (await this.secrets.get(secretAccount)) ?? this.base.strava.clientSecret;
    return { ...(clientId ? { clientId } : {}), ...(clientSecret ? { clientSecret } : {}) };
  }

  /** Saves the user's own Strava API app. */
  async setStravaApp(clientId: string, clientSecret: string): Promise<void> {
    await this.secrets.set(secretAccount, clientSecret);
    this.state.set(clientIdKey, clientId);
  }
}
