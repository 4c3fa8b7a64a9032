import { useState } from 'react';
import { appearances, type Appearance, type SettingsView } from '../../shared/settings-schema';
import { applyTheme } from './theme';
import type { SettingsState } from './use-settings';

interface Props {
  view: SettingsView;
  save: SettingsState['save'];
}

const words: Record<Appearance, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

/** Light, dark or the system's: applied the moment it is picked, and saved. */
export default function AppearanceSection({ view, save }: Props) {
  const [problem, setProblem] = useState<string>();
  // Shown picked at once: the saved view follows when main has stored it.
  const [picked, setPicked] = useState<Appearance>(view.appearance);
  const pick = async (appearance: Appearance) => {
    setPicked(appearance);
    applyTheme(appearance);
    const outcome = await save({ appearance });
    if (outcome.ok) setProblem(undefined);
    else {
      setPicked(view.appearance);
      applyTheme(view.appearance);
      setProblem(outcome.fields.appearance ?? outcome.message);
    }
  };
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance-title">
      <h2 id="settings-appearance-title" className="card-title">
        Appearance
      </h2>
      <fieldset className="choices">
        <legend className="visually-hidden">Theme</legend>
        {appearances.map((appearance) => (
          <label key={appearance} className="choice">
            <input
              type="radio"
              name="settings-appearance"
              value={appearance}
              checked={picked === appearance}
              onChange={() => void pick(appearance)}
            />
            {words[appearance]}
          </label>
        ))}
      </fieldset>
      {problem && <p className="field-problem">{problem}</p>}
    </section>
  );
}
