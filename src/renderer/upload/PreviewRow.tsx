import { memo, useMemo } from 'react';
import type { SequencePreview } from '../../shared/ipc-contract';
import type { ShapingDefaults } from '../../shared/settings-schema';
import { plural } from '../common/plural';
import type { DraftField } from './edit/edit-draft';
import { rowShape, type RowChanges } from './edit/row-changes';
import { useShapePreview } from './edit/use-shape-preview';
import { formatKm, formatStart } from './preview-format';
import TrackDrawing from './TrackDrawing';

/** A track warning the time offset answers: times without a zone were read as UTC. */
const readAsUtc = (warning: string): boolean => warning.includes('read as UTC');

interface Props {
  preview: SequencePreview;
  /** Its place in the whole list, and the list's length (only some rows are drawn). */
  index: number;
  count: number;
  /** Where the virtualized list puts it, and how it learns the row's height. */
  top: number;
  measure: (element: HTMLLIElement | null) => void;
  onRemove: (folder: string) => void;
  /** What the user changed on this row, and Settings' shaping defaults under it. */
  changes: RowChanges | undefined;
  defaults: ShapingDefaults;
  onEdit: (folder: string, focus?: DraftField) => void;
}

/** One checked folder: what will be uploaded, and any warning or problem found. */
function PreviewRow(props: Props) {
  const { preview, index, count, top, measure, onRemove, changes, defaults, onEdit } = props;
  const { problem } = preview;
  const shape = useMemo(() => rowShape(defaults, changes), [defaults, changes]);
  const shaped = useShapePreview(preview.folder, problem ? {} : shape);
  const kept = shaped.preview;
  const name = changes?.name ?? preview.name;
  const description = changes?.description ?? preview.description;
  const facts = [
    preview.points !== undefined ? plural(preview.points, 'point', 'points') : undefined,
    preview.distanceM !== undefined ? formatKm(preview.distanceM) : undefined,
    preview.startTime ? formatStart(preview.startTime) : undefined,
    changes?.sportType ?? preview.transport,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`preview ${problem ? 'has-problem' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <TrackDrawing shape={preview.shape} shaped={kept} zones={shape.privacyZones} />
      <div className="preview-text">
        <p className="preview-name">{name}</p>
        {description && <p className="preview-description">{description}</p>}
        {facts.length > 0 && (
          <p className="preview-facts">
            {facts.map((fact) => (
              <span key={fact}>{fact}</span>
            ))}
          </p>
        )}
        {problem && (
          <p className="problem">
            <span className="visually-hidden">Problem: </span>
            {problem.message} This folder will not be uploaded.
          </p>
        )}
        {!problem && preview.alreadyOnStrava && (
          <p className="note">Already on Strava: it will be linked, not uploaded again.</p>
        )}
        {kept && !kept.refusal && kept.distanceM !== undefined && (
          <p className="shaped-facts">
            After shaping: {formatKm(kept.distanceM)}, {plural(kept.pointsAfter, 'point', 'points')}
            {kept.notes.length > 0 && ` · ${kept.notes.join(' ')}`}
          </p>
        )}
        {kept?.refusal && (
          <p className="problem">
            <span className="visually-hidden">Problem: </span>
            {kept.refusal} Change the trims or zones, or it will not be uploaded.
          </p>
        )}
        {shaped.error && <p className="problem">{shaped.error}</p>}
        {preview.warnings.length > 0 && (
          <ul className="warnings" aria-label="Warnings">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
        {!problem && (
          <p className="preview-actions">
            <button
              type="button"
              className="button small"
              aria-label={`Edit ${name}`}
              onClick={() => onEdit(preview.folder)}
            >
              Edit
            </button>
            {preview.warnings.some(readAsUtc) && changes?.timeOffsetS === undefined && (
              <button
                type="button"
                className="button small"
                aria-label={`Set a time offset for ${name}`}
                onClick={() => onEdit(preview.folder, 'timeOffset')}
              >
                Set a time offset
              </button>
            )}
          </p>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${name} from the list`}
        title="Remove from the list"
        onClick={() => onRemove(preview.folder)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </li>
  );
}

export default memo(PreviewRow);
