import { memo } from 'react';
import type { SequencePreview } from '../../shared/ipc-contract';
import { plural } from '../common/plural';
import { formatKm, formatStart } from './preview-format';
import TrackDrawing from './TrackDrawing';

interface Props {
  preview: SequencePreview;
  /** Its place in the whole list, and the list's length (only some rows are drawn). */
  index: number;
  count: number;
  /** Where the virtualized list puts it, and how it learns the row's height. */
  top: number;
  measure: (element: HTMLLIElement | null) => void;
  onRemove: (folder: string) => void;
}

/** One checked folder: what will be uploaded, and any warning or problem found. */
function PreviewRow({ preview, index, count, top, measure, onRemove }: Props) {
  const { problem } = preview;
  const facts = [
    preview.points !== undefined ? plural(preview.points, 'point', 'points') : undefined,
    preview.distanceM !== undefined ? formatKm(preview.distanceM) : undefined,
    preview.startTime ? formatStart(preview.startTime) : undefined,
    preview.transport,
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
      <TrackDrawing shape={preview.shape} />
      <div className="preview-text">
        <p className="preview-name">{preview.name}</p>
        {preview.description && <p className="preview-description">{preview.description}</p>}
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
        {preview.warnings.length > 0 && (
          <ul className="warnings" aria-label="Warnings">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${preview.name} from the list`}
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
