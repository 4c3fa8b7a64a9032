import { SPORT_TYPES } from '../../../shared/sport-types';
import TextField from '../../settings/TextField';
import type { DraftProblems, EditDraft } from './edit-draft';
import GearField from './GearField';
import type { GearState } from './use-gear';

interface Props {
  /** Prefix of the fields' ids: one form per dialog. */
  idPrefix: string;
  draft: EditDraft;
  onChange: (draft: EditDraft) => void;
  problems: DraftProblems;
  /** The batch bar leaves each row's own name and description alone. */
  batch?: boolean;
  /** How many privacy zones Settings holds (the checkbox says so). */
  zoneCount: number;
  gear: GearState;
}

/** The Edit panel's fields, every one labelled, with its reason below when refused. */
export default function EditFields(props: Props) {
  const { idPrefix: p, draft, problems } = props;
  const set = <K extends keyof EditDraft>(key: K, value: EditDraft[K]) =>
    props.onChange({ ...draft, [key]: value });
  const sportsId = `${p}-sports`;
  return (
    <>
      {!props.batch && (
        <>
          <TextField
            id={`${p}-name`}
            label="Name"
            value={draft.name}
            maxLength={200}
            onChange={(v) => set('name', v)}
            problem={problems.name}
          />
          <div className="field">
            <label htmlFor={`${p}-description`}>Description</label>
            <textarea
              id={`${p}-description`}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
              aria-invalid={problems.description ? true : undefined}
              aria-describedby={problems.description ? `${p}-description-problem` : undefined}
            />
            {problems.description && (
              <p id={`${p}-description-problem`} className="field-problem">
                {problems.description}
              </p>
            )}
          </div>
        </>
      )}
      <div className="edit-row">
        <TextField
          id={`${p}-sport`}
          label="Sport"
          list={sportsId}
          value={draft.sportType}
          placeholder="The transport's sport"
          help="Type to search; empty: the transport's."
          onChange={(v) => set('sportType', v)}
          problem={problems.sportType}
        />
        <datalist id={sportsId}>
          {SPORT_TYPES.map((sport) => (
            <option key={sport} value={sport} />
          ))}
        </datalist>
        <TextField
          id={`${p}-time-offset`}
          label="Time offset"
          value={draft.timeOffset}
          placeholder="+01:00"
          help="Added to every time: ±HH:MM[:SS] or ±seconds."
          onChange={(v) => set('timeOffset', v)}
          problem={problems.timeOffset}
        />
      </div>
      <div className="edit-row">
        <TextField
          id={`${p}-trim-start`}
          label="Trim start (m)"
          inputMode="decimal"
          value={draft.trimStartM}
          onChange={(v) => set('trimStartM', v)}
          problem={problems.trimStartM}
        />
        <TextField
          id={`${p}-trim-end`}
          label="Trim end (m)"
          inputMode="decimal"
          value={draft.trimEndM}
          onChange={(v) => set('trimEndM', v)}
          problem={problems.trimEndM}
        />
      </div>
      <fieldset className="edit-checks">
        <legend>Strava options</legend>
        <Check
          id={`${p}-zones`}
          label={`Leave out the ends inside my privacy zones (${props.zoneCount} in Settings)`}
          checked={draft.usePrivacyZones}
          onChange={(v) => set('usePrivacyZones', v)}
        />
        <Check
          id={`${p}-hide`}
          label="Hide from home and club feeds"
          checked={draft.hideFromHome}
          onChange={(v) => set('hideFromHome', v)}
        />
        <Check
          id={`${p}-commute`}
          label="Commute"
          checked={draft.commute}
          onChange={(v) => set('commute', v)}
        />
      </fieldset>
      <GearField
        id={`${p}-gear`}
        value={draft.gearId}
        onChange={(v) => set('gearId', v)}
        problem={problems.gearId}
        gear={props.gear}
      />
    </>
  );
}

function Check(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="edit-check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}
