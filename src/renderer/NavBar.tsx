import type { ReactNode } from 'react';
import type { Accounts } from '../shared/ipc-contract';
import type { Screen } from './screen';

interface Props {
  screen: Screen | undefined;
  accounts: Accounts | undefined;
  /** Items still on their way, shown on the Queue entry. */
  active: number;
  onNavigate: (screen: Screen) => void;
}

const icons: Record<Screen, ReactNode> = {
  upload: (
    <path d="M10 13V4M6 8l4-4 4 4M4 13v2.5A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5V13" />
  ),
  queue: <path d="M4 5h12M4 10h12M4 15h8" />,
  accounts: (
    <>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 17c.8-3 3.2-4.5 6-4.5s5.2 1.5 6 4.5" />
    </>
  ),
  settings: (
    <>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 2.5v2.2M10 15.3v2.2M2.5 10h2.2M15.3 10h2.2M4.7 4.7l1.6 1.6M13.7 13.7l1.6 1.6M4.7 15.3l1.6-1.6M13.7 6.3l1.6-1.6" />
    </>
  ),
};

const labels: Record<Screen, string> = {
  upload: 'Upload',
  queue: 'Queue',
  accounts: 'Accounts',
  settings: 'Settings',
};

/** The left navigation: the screens, the queue's count, and who is connected. */
export default function NavBar({ screen, accounts, active, onNavigate }: Props) {
  const needsStrava = accounts !== undefined && !accounts.strava.connected;
  return (
    <aside className="sidebar">
      <div className="brand">
        <svg viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">
          <rect width="28" height="28" rx="7" className="brand-tile" />
          <path className="brand-line" d="M6 19.5l5-8 4 5 2.5-3.5L22 19.5" />
        </svg>
        <span>
          MTP Strava
          <br />
          Uploader
        </span>
      </div>
      <nav aria-label="Main">
        <ul>
          {(['upload', 'queue', 'accounts', 'settings'] as const).map((name) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === name ? 'page' : undefined}
                onClick={() => onNavigate(name)}
              >
                <svg
                  viewBox="0 0 20 20"
                  width="20"
                  height="20"
                  aria-hidden="true"
                  focusable="false"
                >
                  {icons[name]}
                </svg>
                <span className="nav-label">{labels[name]}</span>
                {name === 'queue' && active > 0 && (
                  <span className="badge">
                    {active.toLocaleString()}
                    <span className="visually-hidden"> in progress</span>
                  </span>
                )}
                {name === 'accounts' && needsStrava && (
                  <span className="attention">
                    <span className="visually-hidden">Strava is not connected</span>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {accounts && (
        <dl className="connections">
          <div>
            <dt>Strava</dt>
            <dd>
              {accounts.strava.connected ? (accounts.strava.name ?? 'Connected') : 'Not connected'}
            </dd>
          </div>
          <div>
            <dt>Map the Paths</dt>
            <dd>{accounts.mtpw.connected ? 'Connected' : 'Not connected'}</dd>
          </div>
        </dl>
      )}
    </aside>
  );
}
