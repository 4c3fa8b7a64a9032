import { useCallback, useEffect, useState } from 'react';
import AccountsScreen from './accounts/AccountsScreen';
import { useAccounts } from './accounts/use-accounts';
import StatusMessage from './common/StatusMessage';
import { useNoStrayDrops } from './common/use-no-stray-drops';
import NavBar from './NavBar';
import QueueScreen from './queue/QueueScreen';
import { useBatchNotice } from './queue/use-batch-notice';
import { useQueue } from './queue/use-queue';
import type { Screen } from './screen';
import SettingsScreen from './settings/SettingsScreen';
import { OpenSettingsContext } from './settings/SettingsMention';
import { useSettings } from './settings/use-settings';
import UpdateBanner from './update/UpdateBanner';
import UploadScreen from './upload/UploadScreen';
import { onMtpEvent } from './mtp-events';
import { usePreviews } from './upload/use-previews';

/** The app: navigation, the current screen, and the status line for finished batches. */
export default function App() {
  const accounts = useAccounts();
  const queue = useQueue();
  const previews = usePreviews();
  // Loaded for the whole app: the appearance applies on every screen.
  const settings = useSettings();
  const [screen, setScreen] = useState<Screen>();
  // Focus follows the user's own navigation only, not the first screen shown.
  const [navigated, setNavigated] = useState(false);
  const [status, setStatus] = useState('');

  useNoStrayDrops();
  useBatchNotice(queue.store, setStatus);

  const active = queue.store.counts.active;

  // The first screen: Accounts until Strava is connected, else the queue if it is busy, else Upload.
  const accountsKnown = accounts.accounts !== undefined || accounts.loadError !== undefined;
  const queueKnown = queue.store.loaded || queue.loadError !== undefined;
  if (screen === undefined && accountsKnown && queueKnown) {
    const ready = accounts.accounts?.strava.connected === true;
    setScreen(!ready ? 'accounts' : active > 0 ? 'queue' : 'upload');
  }

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    setNavigated(true);
  }, []);

  // Main asks for a screen: a click on the batch notification opens the Queue.
  useEffect(() => onMtpEvent('app:navigate', (request) => navigate(request.screen)), [navigate]);

  const clearStatus = useCallback(() => setStatus(''), []);

  const queued = useCallback(() => navigate('queue'), [navigate]);
  const openSettings = useCallback(() => navigate('settings'), [navigate]);

  return (
    <OpenSettingsContext value={openSettings}>
      <div className="app">
        <NavBar
          screen={screen}
          accounts={accounts.accounts}
          active={active}
          onNavigate={navigate}
        />
        <main className="main">
          <UpdateBanner />
          {screen === undefined && <p className="loading muted">Loading…</p>}
          {screen === 'upload' && (
            <UploadScreen
              previews={previews}
              accounts={accounts.accounts}
              focusHeading={navigated}
              onQueued={queued}
              onGoToAccounts={() => navigate('accounts')}
              shaping={settings.view?.uploads.shaping}
              onAccountsChanged={() => void accounts.reload()}
            />
          )}
          {screen === 'queue' && (
            <QueueScreen
              queue={queue}
              focusHeading={navigated}
              onGoToUpload={() => navigate('upload')}
            />
          )}
          {screen === 'accounts' && (
            <AccountsScreen
              state={accounts}
              focusHeading={navigated}
              onOpenSettings={openSettings}
              onReview={(paths) => {
                void previews.add(paths);
                navigate('upload');
              }}
            />
          )}
          {screen === 'settings' && (
            <SettingsScreen
              settings={settings}
              focusHeading={navigated}
              onStravaAppSaved={() => void accounts.reload()}
            />
          )}
        </main>
        <StatusMessage message={status} onDismiss={clearStatus} />
      </div>
    </OpenSettingsContext>
  );
}
