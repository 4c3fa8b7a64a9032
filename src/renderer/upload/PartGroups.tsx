import { useId } from 'react';
import type { RowChanges } from './edit/row-changes';
import type { PartGroup } from './part-groups';
import './part-groups.css';

interface Props {
  groups: readonly PartGroup[];
  /** Keys of the groups the user chose to send as one activity. */
  merged: ReadonlySet<string>;
  onToggle: (key: string, merge: boolean) => void;
  /** False until Settings' defaults are in: a merged group must be sent with them. */
  ready: boolean;
  /** The rows' changes: part 1's name, when edited, names the merged activity. */
  edits: ReadonlyMap<string, RowChanges>;
}

/**
 * Sequences the MTP Desktop Uploader split into `_part_N` folders: each group says how
 * many parts it has and offers to send them as one activity (off until ticked).
 */
export default function PartGroups({ groups, merged, onToggle, ready, edits }: Props) {
  const id = useId();
  if (groups.length === 0) return null;
  return (
    <section className="part-groups" aria-label="Split sequences">
      {groups.map((group, index) => {
        const boxId = `${id}-${index}`;
        const count = group.parts.length;
        const name = edits.get(group.parts[0] ?? '')?.name ?? group.base;
        return (
          <div key={group.key} className="part-group">
            <p className="part-group-title">
              {group.base} is in {count} parts
            </p>
            <div className="option">
              <input
                id={boxId}
                type="checkbox"
                checked={merged.has(group.key)}
                disabled={!ready}
                onChange={(e) => onToggle(group.key, e.target.checked)}
                aria-describedby={`${boxId}-help`}
              />
              <label htmlFor={boxId}>Send the {count} parts as one activity</label>
              <span id={`${boxId}-help`} className="help">
                {ready
                  ? `One activity named ${name}, with part 1's changes (name, sport, trims, options); the times must follow on across the parts.`
                  : 'Waiting for Settings…'}
              </span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
