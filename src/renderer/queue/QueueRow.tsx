import { memo } from 'react';
import type { QueueItemView } from '../../shared/ipc-contract';
import { formatBytes } from '../upload/preview-format';
import { sameItem } from './same-item';
import { isRemovable, stageWords } from './stage-words';
import { withoutRetryPromise } from '../../shared/failure-words';
import { errorWords, waitWords } from './row-words';
import SettingsMention from '../settings/SettingsMention';

export interface RowActions {
  retry: (id: string) => void;
  remove: (id: string) => void;
  open: (activityId: string) => void;
}

interface Props {
  item: QueueItemView;
  index: number;
  count: number;
  top: number;
  height: number;
  actions: RowActions;
}

/** What a row says under the name when the item has nothing more specific to say. */
const quietDetail: Partial<Record<QueueItemView['stage'], string>> = {
  queued: 'Waiting for its turn.',
  reading: 'Reading the folder and checking the track.',
  processing: 'Waiting for Strava to finish with the track.',
  syncing: 'Telling Map the Paths which activity it is.',
};

/** One queue item: its stage in words, its progress, and what can be done with it. */
function QueueRow({ item, index, count, top, height, actions }: Props) {
  const removable = isRemovable(item);
  // Open on Strava as soon as the activity exists, even if linking it failed afterwards.
  const activityId = item.activityId;
  const duplicate =
    item.activitySource === 'duplicate' || item.activitySource === 'already-on-strava';

  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`queue-row stage-${item.stage}`}
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <span className="stage-dot" aria-hidden="true" />
      <div className="queue-main">
        <p className="queue-name">
          <span className="queue-title">{item.name}</span>
          <span className="stage-label">{stageWords(item.stage)}</span>
        </p>
        <Detail item={item} duplicate={duplicate} />
      </div>
      <div className="queue-actions">
        {activityId && (
          <button
            type="button"
            className="button small"
            aria-label={`Open ${item.name} on Strava`}
            onClick={() => actions.open(activityId)}
          >
            Open on Strava
          </button>
        )}
        {item.stage === 'failed' && (
          <button
            type="button"
            className="button small primary"
            aria-label={`Retry ${item.name}`}
            onClick={() => actions.retry(item.id)}
          >
            Retry
          </button>
        )}
        {removable && (
          <button
            type="button"
            className="button small link"
            aria-label={`Remove ${item.name} from the queue`}
            onClick={() => actions.remove(item.id)}
          >
            Remove
          </button>
        )}
      </div>
    </div>
  );
}

function Detail({ item, duplicate }: { item: QueueItemView; duplicate: boolean }) {
  if (item.stage === 'failed') {
    return (
      <p className="queue-detail problem" title={errorWords(item)}>
        Failed:{' '}
        <SettingsMention
          text={withoutRetryPromise(errorWords(item) ?? 'This sequence could not be uploaded.')}
        />{' '}
        Press Retry to try again.
      </p>
    );
  }
  const waiting = waitWords(item);
  if (item.stage === 'uploading' && item.bytesTotal > 0 && !waiting) {
    const sent = Math.min(item.bytesSent, item.bytesTotal);
    return (
      <div className="queue-detail progress-line">
        <progress value={sent} max={item.bytesTotal} aria-label={`Sending ${item.name}`} />
        <span className="muted">
          {formatBytes(sent)} of {formatBytes(item.bytesTotal)}
        </span>
      </div>
    );
  }
  if (item.stage === 'done' && item.mtpwWarning) {
    return (
      <p className="queue-detail" role="note" title={item.mtpwWarning}>
        ⚠︎ {item.mtpwWarning}
      </p>
    );
  }
  if (item.stage === 'done') {
    return (
      <p className="queue-detail muted">
        {duplicate ? 'Nothing sent (already on Strava)' : 'Uploaded to Strava'}
        {item.mtpwId && item.mtpwSynced && ' · linked on Map the Paths'}
      </p>
    );
  }
  // "Strava is processing the track" under a "Strava is processing" label says it twice.
  const echoesLabel = waiting?.toLowerCase().startsWith(stageWords(item.stage).toLowerCase());
  const text = (!echoesLabel && waiting) || quietDetail[item.stage];
  return (
    <p className="queue-detail muted" title={text}>
      {text}
    </p>
  );
}

export default memo(
  QueueRow,
  (a, b) =>
    a.index === b.index &&
    a.count === b.count &&
    a.top === b.top &&
    a.height === b.height &&
    a.actions === b.actions &&
    sameItem(a.item, b.item),
);
