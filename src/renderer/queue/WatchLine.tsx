import type { WatchStatusView } from '../../shared/ipc-contract';
import { plural } from '../common/plural';

/** The last two parts of a path: enough to recognise the folder in a line. */
const shortFolder = (folder: string) => {
  const parts = folder.split(/[\\/]/).filter(Boolean);
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : folder;
};

/** "Watching …/MTP/sequences: 2 queued from it", or why the folder cannot be watched now. */
export default function WatchLine({ status }: { status: WatchStatusView }) {
  if (status.state === 'off' || !status.folder) return null;
  if (status.state === 'unavailable')
    return (
      <p className="watch-line error" role="alert" title={status.folder}>
        {status.notice ?? `The watched folder ${shortFolder(status.folder)} cannot be read.`}
      </p>
    );
  return (
    <p className="watch-line muted" role="status" title={status.folder}>
      Watching {shortFolder(status.folder)}
      {status.queued > 0
        ? `: ${plural(status.queued, 'sequence', 'sequences')} queued from it`
        : ''}
      .
    </p>
  );
}
