import { useState } from 'react';
import type { SettingsView } from '../../shared/settings-schema';
import type { SettingsState } from './use-settings';

interface Props {
  view: SettingsView;
  save: SettingsState['save'];
}

/** Whether the app tells the system when a batch of uploads ends: saved the moment it is ticked. */
export default function NotificationsSection({ view, save }: Props) {
  const [problem, setProblem] = useState<string>();
  const toggle = async (on: boolean) => {
    const outcome = await save({ batchNotifications: on });
    setProblem(outcome.ok ? undefined : outcome.message);
  };
  return (
    <section className="card settings-section" aria-labelledby="settings-notifications-title">
      <h2 id="settings-notifications-title" className="card-title">
        Notifications
      </h2>
      <div className="check-field">
        <input
          id="settings-batch-notifications"
          type="checkbox"
          checked={view.batchNotifications}
          onChange={(e) => void toggle(e.target.checked)}
          aria-describedby="settings-batch-notifications-help"
        />
        <label htmlFor="settings-batch-notifications">Notify me when a batch of uploads ends</label>
      </div>
      <p id="settings-batch-notifications-help" className="help">
        One notification per batch, with how many were uploaded and how many failed.
      </p>
      {problem && <p className="field-problem">{problem}</p>}
    </section>
  );
}
