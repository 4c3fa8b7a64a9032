import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import ScreenHeading from '../common/ScreenHeading';
import SettingsMention from '../settings/SettingsMention';
import { callMtp } from '../mtp-call';
import QueueRow, { type RowActions } from './QueueRow';
import BacklogLine from './BacklogLine';
import RateLimitBanner from './RateLimitBanner';
import { useBacklogEstimate } from './use-backlog-estimate';
import { useWatchStatus } from './use-watch-status';
import WatchLine from './WatchLine';
import type { QueueState } from './use-queue';

/** Every row has the same height, so the list never needs to measure. */
const rowHeight = 84;

interface Props {
  queue: QueueState;
  focusHeading: boolean;
  onGoToUpload: () => void;
}

/**
 * The Queue screen: every item with its stage, virtualized so thousands of rows stay
 * smooth. Rows come from the store by position; only the visible ones are drawn, and
 * a row whose item did not change keeps its object, so it does not redraw.
 */
export default function QueueScreen({ queue, focusHeading, onGoToUpload }: Props) {
  const { store } = queue;
  const count = store.size;
  const counts = store.counts;
  const [error, setError] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimate = useBacklogEstimate(counts.active, store.rateLimitedUntil);
  const watch = useWatchStatus();

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => store.at(index)?.id ?? index,
    overscan: 6,
  });

  // What an action changed arrives as a delta; the answer only says whether it worked.
  const answer = useCallback(
    (result: { ok: true } | { ok: false; error: { message: string } }) =>
      setError(result.ok ? undefined : result.error.message),
    [],
  );

  const retryAll = useCallback(async () => answer(await callMtp('queue:retry', {})), [answer]);

  const actions = useMemo<RowActions>(
    () => ({
      retry: (id) => void callMtp('queue:retry', { id }).then(answer),
      remove: (id) => void callMtp('queue:remove', { id }).then(answer),
      open: (activityId) =>
        void callMtp('shell:openActivity', { activityId }).then((result) => {
          setError(result.ok ? undefined : result.error.message);
        }),
    }),
    [answer],
  );

  const summary = [
    `${counts.done.toLocaleString()} done`,
    `${counts.failed.toLocaleString()} failed`,
    `${counts.active.toLocaleString()} in progress`,
  ].join(' · ');

  return (
    <div className="screen fill">
      <div className="screen-head">
        <div>
          <ScreenHeading focus={focusHeading}>Queue</ScreenHeading>
          {count > 0 && <p className="summary">{summary}</p>}
          {estimate && <BacklogLine estimate={estimate} />}
          {watch && <WatchLine status={watch} />}
        </div>
        {counts.failed > 0 && (
          <button type="button" className="button" onClick={() => void retryAll()}>
            Retry all
          </button>
        )}
      </div>

      {store.rateLimitedUntil !== undefined && <RateLimitBanner until={store.rateLimitedUntil} />}

      {(error ?? queue.loadError) && (
        <p className="error" role="alert">
          <SettingsMention text={error ?? queue.loadError ?? ''} />
        </p>
      )}

      {store.loaded && count === 0 && (
        <div className="empty">
          <p>Nothing in the queue yet.</p>
          <button type="button" className="button primary" onClick={onGoToUpload}>
            Add sequences
          </button>
        </div>
      )}

      {count > 0 && (
        <div
          ref={scrollRef}
          className="queue-scroll"
          tabIndex={0}
          role="region"
          aria-label="Queue items"
        >
          <div
            role="list"
            aria-label="Upload queue"
            className="queue-list"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const item = store.at(row.index);
              if (!item) return null;
              return (
                <QueueRow
                  key={row.key}
                  item={item}
                  index={row.index}
                  count={count}
                  top={row.start}
                  height={rowHeight}
                  actions={actions}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
