import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DraftField, DraftProblems, EditDraft } from './edit-draft';
import EditFields from './EditFields';
import type { GearState } from './use-gear';
import './edit.css';

interface Props {
  title: string;
  /** Says what Apply changes ("Every row takes these values…"). */
  intro?: string;
  initial: EditDraft;
  batch?: boolean;
  zoneCount: number;
  gear: GearState;
  /** The field to focus first (the time offset, from a "read as UTC" warning). */
  focusField?: DraftField;
  /** Reads the form: undefined when applied, else the reason per field. */
  onApply: (draft: EditDraft) => DraftProblems | undefined;
  onClose: () => void;
}

/** The field ids EditFields gives, by draft field, for the first focus. */
const fieldIds: Partial<Record<DraftField, string>> = {
  name: 'name',
  timeOffset: 'time-offset',
  sportType: 'sport',
};

/**
 * The Edit panel: a modal dialog, so the keyboard stays in it until it is applied or
 * closed (Escape closes it), and focus returns to what opened it.
 */
export default function EditDialog(props: Props) {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const { onClose, focusField, batch } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first = fieldIds[focusField ?? (batch ? 'sportType' : 'name')];
    document.getElementById(`${prefix}-${first}`)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [prefix, focusField, batch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = props.onApply(draft);
    if (refused) setProblems(refused);
    else onClose();
  };

  const count = Object.keys(problems).length;
  return (
    <dialog
      ref={ref}
      className="edit-dialog"
      aria-labelledby={`${prefix}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form className="edit-form" onSubmit={submit} noValidate>
        <h2 id={`${prefix}-title`}>{props.title}</h2>
        {props.intro && <p className="help">{props.intro}</p>}
        <EditFields
          idPrefix={prefix}
          draft={draft}
          onChange={(next) => {
            // A reason stays only beside a value that has not changed since it was refused.
            setProblems((current) =>
              Object.fromEntries(
                Object.entries(current).filter(
                  ([field]) => next[field as DraftField] === draft[field as DraftField],
                ),
              ),
            );
            setDraft(next);
          }}
          problems={problems}
          batch={props.batch ?? false}
          zoneCount={props.zoneCount}
          gear={props.gear}
        />
        {count > 0 && (
          <p className="error" role="alert">
            {count === 1 ? 'One value cannot be used' : `${count} values cannot be used`}: see the
            reasons below the fields.
          </p>
        )}
        <div className="edit-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            {props.batch ? 'Apply to all' : 'Apply'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
