import { useEffect, useState } from 'react';
import ScreenHeading from '../common/ScreenHeading';
import AccountCard from './AccountCard';
import { scopeWords } from './scope-words';
import ReviewOffer from '../upload/ReviewOffer';
import { useUnsentSequences } from '../upload/use-unsent-sequences';
import StravaAppForm from './StravaAppForm';
import { needsOwnStravaApp, type AccountsState } from './use-accounts';

interface Props {
  state: AccountsState;
  focusHeading: boolean;
  /** Opens the Settings screen (where Map the Paths' client id is entered). */
  onOpenSettings?: () => void;
  /** First run: reviews the sequences found not yet on Strava (on the Upload screen). */
  onReview?: (paths: string[]) => void;
}

/** The Accounts screen: the Strava API app (first), then the Strava and Map the Paths cards. */
export default function AccountsScreen({ state, focusHeading, onOpenSettings, onReview }: Props) {
  const { accounts, activity } = state;
  const [editingApp, setEditingApp] = useState(false);
  const unsent = useUnsentSequences();
  // A capped or switched-off Strava API app: the way out is the user's own app, so its form opens.
  const ownAppNeeded = needsOwnStravaApp(activity.strava);
  useEffect(() => {
    if (ownAppNeeded) setEditingApp(true);
  }, [ownAppNeeded]);

  if (!accounts) {
    return (
      <div className="screen">
        <ScreenHeading focus={focusHeading}>Accounts</ScreenHeading>
        {state.loadError ? (
          <div className="card">
            <p className="error" role="alert">
              {state.loadError}
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => void state.reload()}>
                Try again
              </button>
            </div>
          </div>
        ) : (
          <p className="muted">Loading your accounts…</p>
        )}
      </div>
    );
  }

  const firstRun = !accounts.stravaAppConfigured;
  const { strava, mtpw } = accounts;
  const scopes = scopeWords(strava.scopes);
  const saved = () => {
    setEditingApp(false);
    void state.reload();
  };

  return (
    <div className="screen">
      <ScreenHeading focus={focusHeading}>Accounts</ScreenHeading>
      <p className="lede">
        Connect Strava to turn each sequence’s track into an activity, and Map the Paths so each
        sequence is linked to its activity.
      </p>

      {onReview && !strava.connected && <ReviewOffer found={unsent.found} onReview={onReview} />}

      {firstRun && <StravaAppForm firstRun onSaved={saved} />}

      <div className="cards">
        <AccountCard
          title="Strava"
          mark="S"
          markClass="mark-strava"
          connected={strava.connected}
          blockedBecause={firstRun ? 'Save your Strava API app above first.' : undefined}
          activity={activity.strava}
          onConnect={(method) => void state.connect('strava', method)}
          onCancel={() => void state.cancel('strava')}
          onDisconnect={() => void state.disconnect('strava')}
          footer={
            !firstRun && (
              <>
                <span className="muted">Uploads go through your own Strava API app.</span>
                <button
                  type="button"
                  className="button link small"
                  aria-expanded={editingApp}
                  onClick={() => setEditingApp((open) => !open)}
                >
                  Strava API app settings
                </button>
              </>
            )
          }
        >
          <p>
            Connected as <strong>{strava.name ?? 'your Strava account'}</strong>
          </p>
          {scopes.length > 0 && (
            <ul className="scopes" aria-label="What the app may do">
              {scopes.map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
          )}
          {!strava.scopes.includes('activity:read_all') && (
            <p className="help">
              Without permission to view all your activities, the app confirms each upload on its
              own, which takes a little longer. To speed it up, reconnect and allow it.
            </p>
          )}
        </AccountCard>

        {editingApp && !firstRun && (
          <StravaAppForm firstRun={false} onSaved={saved} onClose={() => setEditingApp(false)} />
        )}

        <AccountCard
          title="Map the Paths"
          mark="M"
          markClass="mark-mtpw"
          connected={mtpw.connected}
          blockedBecause={mtpw.setupNeeded}
          unblock={onOpenSettings && { label: 'Open Settings', onClick: onOpenSettings }}
          activity={activity.mtpw}
          onConnect={(method) => void state.connect('mtpw', method)}
          onCancel={() => void state.cancel('mtpw')}
          onDisconnect={() => void state.disconnect('mtpw')}
        >
          <p>Sequences you upload are linked to their Strava activities on Map the Paths.</p>
        </AccountCard>
      </div>
    </div>
  );
}
