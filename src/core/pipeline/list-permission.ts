import type { StravaSession } from '../strava/strava-session';
import { canListActivities } from './read-scope';

/**
 * Whether the token may list activities: asked of the keychain once, then known
 * until `forget` (another account, or another Strava app, was connected).
 */
export class ListPermission {
  private known: boolean | undefined;

  constructor(private readonly session: () => Pick<StravaSession, 'account'>) {}

  /** The answer, asking the session only the first time after a change. */
  async get(): Promise<boolean> {
    if (this.known === undefined) {
      const account = await this.session().account();
      this.known = canListActivities(account?.scopes ?? []);
    }
    return this.known;
  }

  /** The account or the app changed: ask again next time. */
  forget(): void {
    this.known = undefined;
  }
}
