import { useId, type ReactNode } from 'react';
import SettingsMention from '../settings/SettingsMention';
import type { ServiceActivity, SignInMethod } from './use-accounts';

interface Props {
  title: string;
  /** A short mark drawn in the card's corner (the service's initial). */
  mark: string;
  markClass: string;
  connected: boolean;
  /** Who is connected and what the app may do, when connected. */
  children?: ReactNode;
  /** Why connecting is not possible yet; the Connect buttons are disabled while set. */
  blockedBecause?: string;
  /** The way out of `blockedBecause` (e.g. open Settings), shown beside it. */
  unblock?: { label: string; onClick: () => void };
  activity: ServiceActivity;
  onConnect: (method: SignInMethod) => void;
  onCancel: () => void;
  onDisconnect: () => void;
  /** A quiet line under the buttons (Strava's API app settings). */
  footer?: ReactNode;
}

/** One service's card: whether and as whom it is connected, and the buttons to change that. */
export default function AccountCard(props: Props) {
  const { title, connected, activity, blockedBecause } = props;
  const headingId = useId();
  const busy = activity.signingIn !== undefined || activity.signingOut === true;
  const connectDisabled = busy || blockedBecause !== undefined;

  return (
    <section className="card account" aria-labelledby={headingId}>
      <div className="account-head">
        <span className={`service-mark ${props.markClass}`} aria-hidden="true">
          {props.mark}
        </span>
        <h2 id={headingId} className="card-title">
          {title}
        </h2>
        <span className={`pill ${connected ? 'pill-good' : 'pill-quiet'}`}>
          {connected ? 'Connected' : 'Not connected'}
        </span>
      </div>

      <div className="account-body">
        {connected ? (
          props.children
        ) : (
          <p className="muted">{blockedBecause ?? 'Not connected yet.'}</p>
        )}
        {!connected && blockedBecause !== undefined && props.unblock && (
          <button type="button" className="button small" onClick={props.unblock.onClick}>
            {props.unblock.label}
          </button>
        )}
      </div>

      {activity.signingIn && (
        <div className="waiting" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>
            {activity.signingIn === 'window'
              ? 'Finish signing in in the window that opened.'
              : 'Finish signing in in your browser, then come back here.'}
          </span>
          <button type="button" className="button small" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      )}

      {activity.error && (
        <p className="error" role="alert">
          <SettingsMention text={activity.error} />
        </p>
      )}

      <div className="actions">
        <button
          type="button"
          className={`button ${connected ? '' : 'primary'}`}
          disabled={connectDisabled}
          onClick={() => props.onConnect('window')}
        >
          {connected ? 'Reconnect' : 'Connect'}
        </button>
        {connected && (
          <button type="button" className="button" disabled={busy} onClick={props.onDisconnect}>
            {activity.signingOut ? 'Disconnecting…' : 'Disconnect'}
          </button>
        )}
        <button
          type="button"
          className="button link"
          disabled={connectDisabled}
          onClick={() => props.onConnect('browser')}
        >
          Sign in with your browser
        </button>
      </div>

      {props.footer && <div className="card-foot">{props.footer}</div>}
    </section>
  );
}
