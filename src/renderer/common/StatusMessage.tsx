import { useEffect } from 'react';
import SettingsMention from '../settings/SettingsMention';

/** How long a message stays on screen; the queue's counts keep saying it afterwards. */
const shownForMs = 12_000;

interface Props {
  message: string;
  onDismiss: () => void;
}

/** The app's polite live region: always in the page so screen readers hear each new message. */
export default function StatusMessage({ message, onDismiss }: Props) {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDismiss, shownForMs);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);

  return (
    <div className={`status ${message ? 'shown' : ''}`}>
      <div role="status" className="status-text">
        <SettingsMention text={message} />
      </div>
      {message && (
        <button type="button" className="button small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
