import { useState } from 'react';
import { concurrencyLimits, type SettingsView } from '../../shared/settings-schema';
import { fieldProblems, typedNumber, type Problems } from './field-problems';
import PrivacyZones, { type ZoneDraft } from './PrivacyZones';
import SectionForm from './SectionForm';
import TextField from './TextField';
import type { SettingsState } from './use-settings';

interface Props {
  view: SettingsView;
  save: SettingsState['save'];
}

const fromView = ({ uploads }: SettingsView) => ({
  concurrency: String(uploads.concurrency),
  trimStartM: String(uploads.shaping.trimStartM),
  trimEndM: String(uploads.shaping.trimEndM),
  hideFromHome: uploads.shaping.hideFromHome,
  zones: uploads.shaping.privacyZones.map((z): ZoneDraft => ({
    lat: String(z.lat),
    lon: String(z.lon),
    radiusM: String(z.radiusM),
  })),
});
type Draft = ReturnType<typeof fromView>;

/** The uploads as they are sent: how many at once, and the shaping each new upload starts with. */
function toUploads(draft: Draft) {
  return {
    concurrency: typedNumber(draft.concurrency),
    shaping: {
      privacyZones: draft.zones.map((z) => ({
        lat: typedNumber(z.lat),
        lon: typedNumber(z.lon),
        radiusM: typedNumber(z.radiusM),
      })),
      trimStartM: typedNumber(draft.trimStartM),
      trimEndM: typedNumber(draft.trimEndM),
      hideFromHome: draft.hideFromHome,
    },
  };
}

/** Uploads: concurrency 1–4, and the shaping defaults (privacy zones, trims, hide from home). */
export default function UploadsSection({ view, save }: Props) {
  const [draft, setDraft] = useState<Draft>(() => fromView(view));
  const [problems, setProblems] = useState<Problems>({});
  const dirty = JSON.stringify(draft) !== JSON.stringify(fromView(view));
  const edit = (key: 'concurrency' | 'trimStartM' | 'trimEndM') => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const onSave = async () => {
    const uploads = toUploads(draft);
    const found = fieldProblems({ uploads }, view.development);
    setProblems(found);
    if (Object.keys(found).length > 0) return 'not-sent' as const;
    const outcome = await save({ uploads });
    if (outcome.ok) setDraft(fromView(outcome.view));
    else setProblems(outcome.fields);
    return outcome;
  };

  return (
    <SectionForm
      id="settings-uploads"
      title="Uploads"
      dirty={dirty}
      onSave={onSave}
      intro={
        <p className="muted">
          The shaping below applies to sequences queued from now on; queued ones keep theirs.
        </p>
      }
    >
      <TextField
        id="settings-concurrency"
        label="Uploads at once"
        type="number"
        inputMode="numeric"
        min={concurrencyLimits.min}
        max={concurrencyLimits.max}
        value={draft.concurrency}
        onChange={edit('concurrency')}
        help="From 1 to 4. More does not beat Strava's limits; it only spends them sooner."
        problem={problems['uploads.concurrency']}
      />
      <div className="field-row">
        <TextField
          id="settings-trim-start"
          label="Trim the start (m)"
          inputMode="decimal"
          value={draft.trimStartM}
          onChange={edit('trimStartM')}
          problem={problems['uploads.shaping.trimStartM']}
        />
        <TextField
          id="settings-trim-end"
          label="Trim the end (m)"
          inputMode="decimal"
          value={draft.trimEndM}
          onChange={edit('trimEndM')}
          problem={problems['uploads.shaping.trimEndM']}
        />
      </div>
      <div className="check-field">
        <input
          id="settings-hide-from-home"
          type="checkbox"
          checked={draft.hideFromHome}
          onChange={(e) => setDraft((d) => ({ ...d, hideFromHome: e.target.checked }))}
        />
        <label htmlFor="settings-hide-from-home">
          Hide new activities from home feeds (costs one more request each)
        </label>
      </div>
      <PrivacyZones
        zones={draft.zones}
        onChange={(zones) => setDraft((d) => ({ ...d, zones }))}
        problems={problems}
      />
    </SectionForm>
  );
}
