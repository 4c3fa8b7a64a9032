import { plural } from '../common/plural';
import type { UnsentSequencesView } from '../../shared/ipc-contract';

interface Props {
  found: UnsentSequencesView | undefined;
  /** Puts the found folders in the usual checked preview. */
  onReview: (paths: string[]) => void;
}

/** The offer to review the sequences the MTP Desktop Uploader left that are not on Strava yet. */
export default function ReviewOffer({ found, onReview }: Props) {
  if (!found || found.count === 0) return null;
  const where = found.roots.map(shortFolder).join(' and ');
  return (
    <div className="notice review-offer" role="note">
      <p>
        {plural(found.count, 'sequence', 'sequences')} in{' '}
        <code title={found.roots.join('\n')}>{where}</code> {found.count === 1 ? 'is' : 'are'} not
        on Strava yet.
      </p>
      <button type="button" className="button small primary" onClick={() => onReview(found.paths)}>
        Review {plural(found.count, 'sequence', 'sequences')} not yet on Strava
      </button>
    </div>
  );
}

/** The last two parts of a folder's path (`MTP/sequences`): the whole path is in its title. */
function shortFolder(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : path;
}
