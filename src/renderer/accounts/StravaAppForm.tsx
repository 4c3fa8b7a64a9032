import { useEffect, useId, useState, type FormEvent } from 'react';
import { callMtp } from '../mtp-call';
import { checkStravaAppFields, type StravaAppProblems } from './strava-app-fields';

interface Props {
  /** First run: no app yet, so the form explains why it is needed and cannot be closed. */
  firstRun: boolean;
  onSaved: () => void;
  onClose?: () => void;
  /** What to enter as the app's Authorization Callback Domain (the sign-in's loopback host). */
  callbackDomain?: string;
}

/** The user's own Strava API app: Client ID and Client Secret, saved through `settings:setStravaApp`. */
export default function StravaAppForm({
  firstRun,
  onSaved,
  onClose,
  callbackDomain = 'localhost',
}: Props) {
  const idPrefix = useId().replace(/:/g, '');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [hasSecret, setHasSecret] = useState(false);
  const [problems, setProblems] = useState<StravaAppProblems>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void callMtp('settings:get', {}).then((result) => {
      if (!live || !result.ok) return;
      const saved = result.value.stravaClientId;
      if (saved) setClientId((typed) => typed || saved);
      setHasSecret(result.value.hasStravaClientSecret);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const appId = clientId.trim();
    const secret = clientSecret.trim();
    const found = checkStravaAppFields(appId, secret);
    setProblems(found);
    setError(undefined);
    if (found.clientId || found.clientSecret) {
      const first = found.clientId ? 'client-id' : 'client-secret';
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    const result = await callMtp('settings:setStravaApp', {
      clientId: appId,
      clientSecret: secret,
    });
    setSaving(false);
    if (result.ok) {
      // The secret lives in main from now on; the page forgets it.
      setClientSecret('');
      setHasSecret(result.value.hasStravaClientSecret);
      onSaved();
    } else {
      setError(result.error.message);
    }
  };

  const headingId = `${idPrefix}-heading`;
  const describe = (field: string, problem: string | undefined) =>
    [`${idPrefix}-${field}-help`, problem ? `${idPrefix}-${field}-problem` : '']
      .filter(Boolean)
      .join(' ');

  return (
    <section className="card strava-app" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {firstRun ? 'First, set up your Strava API app' : 'Strava API app'}
      </h2>
      <p className="muted">
        Strava lets each person upload through an API app of their own. Create one at{' '}
        <a href="https://www.strava.com/settings/api" target="_blank" rel="noreferrer">
          strava.com/settings/api
        </a>
        , enter <strong>{callbackDomain}</strong> as its “Authorization Callback Domain”, then copy
        its Client ID and Client Secret here.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${idPrefix}-client-id`}>Client ID</label>
          <input
            id={`${idPrefix}-client-id`}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            aria-invalid={problems.clientId ? true : undefined}
            aria-describedby={describe('client-id', problems.clientId)}
          />
          <p id={`${idPrefix}-client-id-help`} className="help">
            The number Strava shows at the top of your app’s page.
          </p>
          {problems.clientId && (
            <p id={`${idPrefix}-client-id-problem`} className="field-problem">
              {problems.clientId}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-client-secret`}>Client Secret</label>
          <input
            id={`${idPrefix}-client-secret`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            aria-invalid={problems.clientSecret ? true : undefined}
            aria-describedby={describe('client-secret', problems.clientSecret)}
          />
          <p id={`${idPrefix}-client-secret-help`} className="help">
            {hasSecret
              ? 'A secret is saved. To change the app, enter its secret again.'
              : 'Click “Show” next to Client Secret on Strava’s page. It is kept in your system’s keychain.'}
          </p>
          {problems.clientSecret && (
            <p id={`${idPrefix}-client-secret-problem`} className="field-problem">
              {problems.clientSecret}
            </p>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          {onClose && (
            <button type="button" className="button" onClick={onClose} disabled={saving}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
