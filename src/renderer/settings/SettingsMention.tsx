import { createContext, useContext } from 'react';
import { mentionsSettings } from './mentions-settings';

/** Opens the Settings screen; provided by App, absent where there is no navigation. */
export const OpenSettingsContext = createContext<(() => void) | undefined>(undefined);

/** A message as words; one that says "in Settings" gets a button that opens the screen. */
export default function SettingsMention({ text }: { text: string }) {
  const open = useContext(OpenSettingsContext);
  if (!open || !mentionsSettings(text)) return <>{text}</>;
  return (
    <>
      {text}{' '}
      <button type="button" className="button link settings-link" onClick={open}>
        Open Settings
      </button>
    </>
  );
}
