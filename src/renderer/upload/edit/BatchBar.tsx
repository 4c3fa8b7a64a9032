import type { ShapingDefaults } from '../../../shared/settings-schema';
import { plural } from '../../common/plural';

interface Props {
  count: number;
  defaults: ShapingDefaults;
  onEditAll: () => void;
}

/** What Settings' defaults do to every new row, in a few words. */
export function defaultsWords(d: ShapingDefaults): string {
  const parts = [
    d.privacyZones.length > 0 ? plural(d.privacyZones.length, 'privacy zone', 'privacy zones') : '',
    d.trimStartM > 0 || d.trimEndM > 0 ? `trims ${d.trimStartM} m / ${d.trimEndM} m` : '',
    d.hideFromHome ? 'hidden from home' : '',
  ].filter(Boolean);
  return parts.length === 0
    ? 'No shaping by default (Settings).'
    : `Every sequence starts with: ${parts.join(', ')} (Settings).`;
}

/** The batch bar: the same values for every row, and what the defaults already do. */
export default function BatchBar({ count, defaults, onEditAll }: Props) {
  return (
    <div className="batch-bar" role="group" aria-label="All sequences">
      <button type="button" className="button small" disabled={count === 0} onClick={onEditAll}>
        Edit all {plural(count, 'sequence', 'sequences')}
      </button>
      <span className="help">{defaultsWords(defaults)}</span>
    </div>
  );
}
