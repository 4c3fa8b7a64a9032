import { useCallback, useEffect, useState } from 'react';
import type { GearOption } from '../../../shared/shape-request';
import { callMtp } from '../../mtp-call';

/** The athlete's gear for the Edit panel, and the way to let the app read it. */
export interface GearState {
  /** The bikes and shoes; undefined until Strava lets the app read the profile. */
  options: GearOption[] | undefined;
  /** A sign-in for the extra scope is under way. */
  asking: boolean;
  error: string | undefined;
  /** Reconnects Strava asking for `profile:read_all` too (only when the user turns gear on). */
  allow: () => void;
}

/** The scope that lets the app read the athlete's bikes and shoes. */
export const gearScope = 'profile:read_all';

/**
 * Loads the gear when the account's scopes include `profile:read_all`; `allow`
 * reconnects Strava with that scope, then loads it. `scopes` are the account's.
 */
export function useGear(
  scopes: readonly string[] | undefined,
  onReconnected: () => void,
): GearState {
  const [options, setOptions] = useState<GearOption[]>();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const granted = scopes?.includes(gearScope) === true;

  const load = useCallback(async () => {
    const result = await callMtp('athlete:gear', {});
    if (result.ok) setOptions(result.value.gear);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    if (granted) void load();
  }, [granted, load]);

  const allow = useCallback(() => {
    setAsking(true);
    setError(undefined);
    void callMtp('accounts:connect', {
      service: 'strava',
      method: 'window',
      extraScopes: [gearScope],
    }).then(async (result) => {
      setAsking(false);
      if (!result.ok) return setError(result.error.message);
      onReconnected();
      if (result.value.strava.scopes.includes(gearScope)) await load();
      else setError('Strava did not allow the app to read your gear.');
    });
  }, [load, onReconnected]);

  return { options, asking, error, allow };
}
