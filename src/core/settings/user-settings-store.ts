import { userSettingsSchema, type UserSettings } from '../../shared/settings-schema';
import type { Logger, StateStore } from '../ports';

/** The state key the user's settings live under (one JSON object). */
export const userSettingsKey = 'settings.user';
/** Where the Strava Client ID lived before the Settings screen; read when the new key lacks it. */
const legacyClientIdKey = 'settings.strava.clientId';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The user's settings in the StateStore (electron-store in the app, the JSON state
 * file in the CLI), checked with zod on every read: a stored value that does not fit
 * (edited by hand, written by another version) falls back to its default with a
 * warning in the log, and the rest is kept. It never throws.
 */
export class UserSettingsStore {
  constructor(
    private readonly state: StateStore,
    private readonly options: { development: boolean; logger: Logger },
  ) {}

  /** The stored settings, every missing or bad field at its default. */
  read(): UserSettings {
    const schema = userSettingsSchema(this.options);
    const stored = this.state.get(userSettingsKey);
    const raw = isRecord(stored) ? { ...stored } : {};
    if (stored !== undefined && !isRecord(stored))
      this.options.logger.warn('settings: the stored settings are not an object; using defaults');
    if (raw.stravaClientId === undefined) {
      const legacy = this.state.get(legacyClientIdKey);
      if (legacy !== undefined) raw.stravaClientId = legacy;
    }
    const whole = schema.safeParse(raw);
    if (whole.success) return whole.data;
    // Keep what is valid: drop each top-level field with a problem, and parse again.
    const bad = new Set(whole.error.issues.map((issue) => String(issue.path[0])));
    this.options.logger.warn('settings: stored values were not valid; their defaults are used', {
      fields: [...bad].join(', '),
    });
    const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
    const again = schema.safeParse(kept);
    return again.success ? again.data : schema.parse({});
  }

  /** Stores settings already checked with `userSettingsSchema`. */
  write(settings: UserSettings): void {
    this.state.set(userSettingsKey, settings);
    if (settings.stravaClientId !== undefined)
      this.state.set(legacyClientIdKey, settings.stravaClientId);
    else this.state.delete(legacyClientIdKey);
  }
}
