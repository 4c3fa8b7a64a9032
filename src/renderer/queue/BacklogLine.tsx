import { backlogWords } from '../../shared/backlog-words';
import type { BacklogEstimateView } from '../../shared/ipc-contract';

/** "4,812 to go: about 2 days 14 h at Strava's limits", and which limit holds the batch now. */
export default function BacklogLine({ estimate }: { estimate: BacklogEstimateView }) {
  if (estimate.remaining === 0) return null;
  const words = backlogWords(
    { ...estimate, finishAt: estimate.finishAt ?? Number.POSITIVE_INFINITY },
    Date.now(),
  );
  return (
    <p className="backlog muted" role="status">
      {words}
    </p>
  );
}
