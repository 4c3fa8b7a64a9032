import { useCallback, useEffect, useState } from 'react';
import type { SettingsPatch, SettingsView } from '../../shared/settings-schema';
import { callMtp } from '../mtp-call';
import { applyTheme } from './theme';

/** What a save came to: saved, or refused with the reasons per field (and in one sentence). */
export type SaveOutcome =
  { ok: true; view: SettingsView } | { ok: false; message: string; fields: Record<string, string> };

export interface SettingsState {
  view: SettingsView | undefined;
  loadError: string | undefined;
  reload: () => Promise<void>;
  /** Sends a change; the new settings come back and are shown at once. */
  save: (patch: SettingsPatch) => Promise<SaveOutcome>;
}

/**
 * The user's settings as main keeps them. Loaded once for the whole app (the theme
 * applies on every screen), and replaced by each answer of `settings:set`.
 */
export function useSettings(): SettingsState {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState<string>();

  const reload = useCallback(async () => {
    const result = await callMtp('settings:get', {});
    if (result.ok) {
      setView(result.value);
      setLoadError(undefined);
    } else setLoadError(result.error.message);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (view) applyTheme(view.appearance);
  }, [view]);

  const save = useCallback(async (patch: SettingsPatch): Promise<SaveOutcome> => {
    const result = await callMtp('settings:set', patch);
    if (result.ok) {
      setView(result.value);
      return { ok: true, view: result.value };
    }
    return { ok: false, message: result.error.message, fields: result.error.fields ?? {} };
  }, []);

  return { view, loadError, reload, save };
}
