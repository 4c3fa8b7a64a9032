import type { SettingsPatch, UserSettings } from '../../shared/settings-schema';
import type { Settings } from '../config/settings';
import { silentLogger, type Logger, type SecretStore, type StateStore } from '../ports';
import { effectiveSettings } from '../settings/effective-settings';
import { applySettingsPatch } from '../settings/settings-patch';
import { UserSettingsStore } from '../settings/user-settings-store';

const secretAccount = 'strava.clientSecret';

/** The Strava API app in use: what the user entered in Settings, else the `.env` values. */
export interface StravaApp {
  clientId?: string;
  clientSecret?: string;
}

/**
 * Settings the user edits in the app, over those of `.env`: the stored ones win. The
 * Client ID and the rest live in the StateStore; the Client Secret lives in the
 * keychain like the tokens. Listeners hear every change, so the clients and the
 * queue follow it without a restart.
 */
export class AppSettings {
  private readonly store: UserSettingsStore;
  private cached: UserSettings | undefined;
  private readonly listeners = new Set<() => Promise<void> | void>();
  /** Whether loopback http hosts may be stored (a development build: the host says). */
  readonly development: boolean;

  constructor(
    private readonly base: Settings,
    state: StateStore,
    private readonly secrets: SecretStore,
    options: { development?: boolean; logger?: Logger } = {},
  ) {
    this.development = options.development ?? false;
    this.store = new UserSettingsStore(state, {
      development: this.development,
      logger: options.logger ?? silentLogger,
    });
  }

  /** The settings in effect (base URLs, client ids): the user's over `.env`'s. */
  get settings(): Settings {
    return effectiveSettings(this.base, this.user());
  }

  /** The user's stored settings, defaults filled in. */
  user(): UserSettings {
    return (this.cached ??= this.store.read());
  }

  /** The Strava API app to use now. */
  async stravaApp(): Promise<StravaApp> {
    const clientId = this.settings.strava.clientId;
    const clientSecret = (await this.secrets.get(secretAccount)) ?? this.base.strava.clientSecret;
    return { ...(clientId ? { clientId } : {}), ...(clientSecret ? { clientSecret } : {}) };
  }

  /** Whether the user has stored a Client Secret of their own (or `.env` gives one). */
  async hasClientSecret(): Promise<boolean> {
    return Boolean((await this.stravaApp()).clientSecret);
  }

  /** Saves the user's own Strava API app. */
  async setStravaApp(clientId: string, clientSecret: string): Promise<void> {
    await this.update({ stravaClientId: clientId, stravaClientSecret: clientSecret });
  }

  /**
   * Checks and stores a change (nothing is stored when a value is refused: the
   * `invalid-input` error says why, per field), then tells the listeners.
   */
  async update(patch: SettingsPatch): Promise<UserSettings> {
    const next = applySettingsPatch(this.user(), patch, this.development);
    const secret = patch.stravaClientSecret?.trim();
    if (secret) await this.secrets.set(secretAccount, secret);
    this.store.write(next);
    this.cached = next;
    for (const listener of this.listeners) await listener();
    return next;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
