import { useState } from 'react';
import type { SettingsView } from '../../shared/settings-schema';
import { fieldProblems, filledIn, type Problems } from './field-problems';
import SectionForm from './SectionForm';
import TextField from './TextField';
import type { SettingsState } from './use-settings';

interface Props {
  view: SettingsView;
  save: SettingsState['save'];
}

const fromView = (view: SettingsView) => ({
  mtpwClientId: view.mtpwClientId ?? '',
  stravaSiteUrl: view.advanced.stravaSiteUrl ?? '',
  stravaApiUrl: view.advanced.stravaApiUrl ?? '',
  mtpwBaseUrl: view.advanced.mtpwBaseUrl ?? '',
});
type Draft = ReturnType<typeof fromView>;

/** Map the Paths' client id, and under "Advanced" the three base URLs (https; loopback http in development). */
export default function MtpwSection({ view, save }: Props) {
  const [draft, setDraft] = useState<Draft>(() => fromView(view));
  const [problems, setProblems] = useState<Problems>({});
  const saved = fromView(view);
  const dirty = (Object.keys(draft) as Array<keyof Draft>).some((k) => draft[k] !== saved[k]);
  const advancedSet = Boolean(saved.stravaSiteUrl || saved.stravaApiUrl || saved.mtpwBaseUrl);
  const edit = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const onSave = async () => {
    const { mtpwClientId, ...urls } = draft;
    const found = fieldProblems(
      { ...filledIn({ mtpwClientId }), advanced: filledIn(urls) },
      view.development,
    );
    setProblems(found);
    if (Object.keys(found).length > 0) return 'not-sent' as const;
    const outcome = await save({ mtpwClientId, advanced: urls });
    if (outcome.ok) setDraft(fromView(outcome.view));
    else setProblems(outcome.fields);
    return outcome;
  };

  const urlHelp = (fallback: string) =>
    `Leave empty for ${fallback}.${view.development ? ' http://localhost is allowed in this development build.' : ''}`;

  return (
    <SectionForm
      id="settings-mtpw"
      title="Map the Paths"
      dirty={dirty}
      onSave={onSave}
      intro={
        <p className="muted">
          The OAuth client id Map the Paths gave the desktop app. Without it, Map the Paths cannot
          be connected.
        </p>
      }
    >
      <TextField
        id="settings-mtpw-client-id"
        label="Map the Paths client id"
        value={draft.mtpwClientId}
        onChange={edit('mtpwClientId')}
        problem={problems.mtpwClientId}
      />
      <details className="advanced" open={advancedSet || undefined}>
        <summary>Advanced: server addresses</summary>
        <div className="form">
          <TextField
            id="settings-strava-site"
            label="Strava site"
            inputMode="url"
            placeholder="https://www.strava.com"
            value={draft.stravaSiteUrl}
            onChange={edit('stravaSiteUrl')}
            help={urlHelp(`Strava (now ${view.stravaBaseUrl})`)}
            problem={problems['advanced.stravaSiteUrl']}
          />
          <TextField
            id="settings-strava-api"
            label="Strava API"
            inputMode="url"
            placeholder="https://www.strava.com/api/v3"
            value={draft.stravaApiUrl}
            onChange={edit('stravaApiUrl')}
            help={urlHelp(`the site's API (now ${view.stravaApiUrl})`)}
            problem={problems['advanced.stravaApiUrl']}
          />
          <TextField
            id="settings-mtpw-base"
            label="Map the Paths server"
            inputMode="url"
            placeholder="https://mtp.trekview.org"
            value={draft.mtpwBaseUrl}
            onChange={edit('mtpwBaseUrl')}
            help={urlHelp(`Map the Paths (now ${view.mtpwBaseUrl})`)}
            problem={problems['advanced.mtpwBaseUrl']}
          />
        </div>
      </details>
    </SectionForm>
  );
}
