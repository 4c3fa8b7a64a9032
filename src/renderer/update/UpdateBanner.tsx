import { useEffect, useState } from 'react';
import { callMtp } from '../mtp-call';
import { onMtpEvent } from '../mtp-events';

/**
 * Offers "Restart to update" once main has downloaded an update in the background.
 * "Later" hides it for this run; the update is installed at the next quit anyway.
 */
export default function UpdateBanner() {
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => onMtpEvent('update:ready', () => setShown(true)), []);
  if (!shown) return null;

  const restart = async () => {
    const result = await callMtp('update:restart', {});
    if (!result.ok) setError(result.error.message);
    else if (!result.value.restarting) setError('The update is not ready any more.');
  };

  return (
    <div className="banner update-banner" role="status">
      <p>
        A new version is ready.
        {error && <span className="error"> {error}</span>}
      </p>
      <button type="button" className="button primary" onClick={() => void restart()}>
        Restart to update
      </button>
      <button type="button" className="button" onClick={() => setShown(false)}>
        Later
      </button>
    </div>
  );
}
