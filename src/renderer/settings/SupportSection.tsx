import { useState } from 'react';
import { callMtp } from '../mtp-call';

/** Help for a problem: the log folder, and a diagnostics bundle to attach to a report. */
export default function SupportSection() {
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const exportDiagnostics = async () => {
    const result = await callMtp('support:exportDiagnostics', {});
    if (!result.ok) setMessage({ text: result.error.message, error: true });
    else if (result.value.saved)
      setMessage({
        text: `Diagnostics saved to ${result.value.path ?? 'the chosen file'}.`,
        error: false,
      });
    else setMessage(undefined);
  };
  const openLogFolder = async () => {
    const result = await callMtp('support:openLogFolder', {});
    setMessage(result.ok ? undefined : { text: result.error.message, error: true });
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-support-title">
      <h2 id="settings-support-title" className="card-title">
        Getting help
      </h2>
      <p className="muted">
        The diagnostics bundle holds the logs, the app and system versions, these settings without
        any secret, and a summary of the queue. It never holds a token or your Client Secret.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportDiagnostics()}>
          Export diagnostics…
        </button>
        <button type="button" className="button" onClick={() => void openLogFolder()}>
          Open log folder
        </button>
      </div>
      {message && (
        <p
          className={message.error ? 'field-problem' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
