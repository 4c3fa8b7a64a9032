import StravaAppForm from '../accounts/StravaAppForm';
import ScreenHeading from '../common/ScreenHeading';
import AppearanceSection from './AppearanceSection';
import MtpwSection from './MtpwSection';
import NotificationsSection from './NotificationsSection';
import SupportSection from './SupportSection';
import UploadsSection from './UploadsSection';
import WatchedFolderSection from './WatchedFolderSection';
import type { SettingsState } from './use-settings';
import './settings.css';

interface Props {
  settings: SettingsState;
  focusHeading: boolean;
  /** The Strava API app changed: the Accounts card says whether it is set up. */
  onStravaAppSaved: () => void;
}

/** Settings: each card saves on its own, and every change applies without a restart. */
export default function SettingsScreen({ settings, focusHeading, onStravaAppSaved }: Props) {
  const { view } = settings;
  return (
    <div className="screen settings">
      <ScreenHeading focus={focusHeading}>Settings</ScreenHeading>
      {!view ? (
        settings.loadError ? (
          <div className="card">
            <p className="error" role="alert">
              {settings.loadError}
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => void settings.reload()}>
                Try again
              </button>
            </div>
          </div>
        ) : (
          <p className="muted">Loading your settings…</p>
        )
      ) : (
        <>
          <StravaAppForm
            firstRun={false}
            callbackDomain={view.callbackDomain}
            onSaved={() => {
              void settings.reload();
              onStravaAppSaved();
            }}
          />
          <MtpwSection view={view} save={settings.save} />
          <UploadsSection view={view} save={settings.save} />
          <AppearanceSection view={view} save={settings.save} />
          <WatchedFolderSection view={view} save={settings.save} />
          <NotificationsSection view={view} save={settings.save} />
          <SupportSection />
        </>
      )}
    </div>
  );
}
