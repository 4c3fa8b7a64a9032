import type { SequencePreview } from '../../../shared/ipc-contract';
import type { ShapingDefaults } from '../../../shared/settings-schema';
import { plural } from '../../common/plural';
import { draftOf, parseBatchDraft, parseDraft } from './edit-draft';
import EditDialog from './EditDialog';
import type { GearState } from './use-gear';
import type { RowEdits } from './use-row-edits';

interface Props {
  rowEdits: RowEdits;
  /** The rows that can be sent (the batch bar changes these). */
  rows: readonly SequencePreview[];
  defaults: ShapingDefaults;
  gear: GearState;
}

/** The open Edit panel, for one row or, from the batch bar, for every row. */
export default function EditHost({ rowEdits, rows, defaults, gear }: Props) {
  const { target } = rowEdits;
  if (target === undefined) return null;
  const close = () => rowEdits.open(undefined);
  const zoneCount = defaults.privacyZones.length;
  if ('batch' in target) {
    return (
      <EditDialog
        title={`Edit all ${plural(rows.length, 'sequence', 'sequences')}`}
        intro="Every sequence takes these values; each keeps its own name and description."
        initial={draftOf({ name: '' }, defaults)}
        batch
        zoneCount={zoneCount}
        gear={gear}
        onApply={(draft) => {
          const parsed = parseBatchDraft(draft);
          if (!parsed.ok) return parsed.problems;
          rowEdits.applyAll(
            rows.map((r) => r.folder),
            parsed.changes,
          );
          return undefined;
        }}
        onClose={close}
      />
    );
  }
  const row = rows.find((r) => r.folder === target.folder);
  if (!row) return null;
  const original = { name: row.name, description: row.description };
  return (
    <EditDialog
      key={row.folder}
      title={`Edit ${row.name}`}
      initial={draftOf(original, defaults, rowEdits.edits.get(row.folder))}
      zoneCount={zoneCount}
      gear={gear}
      {...(target.focus ? { focusField: target.focus } : {})}
      onApply={(draft) => {
        const parsed = parseDraft(draft, original);
        if (!parsed.ok) return parsed.problems;
        rowEdits.setRow(row.folder, parsed.changes);
        return undefined;
      }}
      onClose={close}
    />
  );
}
