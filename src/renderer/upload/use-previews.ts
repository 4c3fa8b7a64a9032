import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderPreviewsEvent, SequencePreview } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';
import { onMtpEvent } from '../mtp-events';
import { mergePreviews } from './merge-previews';
import { previewRequestId } from './preview-request-id';

/** `folders:inspect` takes at most this many paths per call. */
const inspectBatch = 1000;

export interface PreviewsState {
  previews: SequencePreview[];
  /** How many folders are still being checked. */
  checking: number;
  error: string | undefined;
  add: (paths: string[]) => Promise<void>;
  /** Folders are being dragged in: main starts its checkers now, so the first preview is quick. */
  prepare: () => void;
  remove: (folder: string) => void;
  clear: () => void;
}

/**
 * The folders picked for upload. Main checks them in worker threads and streams the
 * previews back (`folders:previewed`), so the first row shows at once and the count
 * says how many are still being checked. A folder added twice keeps its newest check.
 */
export function usePreviews(): PreviewsState {
  const [previews, setPreviews] = useState<SequencePreview[]>([]);
  const [checking, setChecking] = useState(0);
  const [error, setError] = useState<string>();
  // Request id → folders it still has to check; a request not in here (cleared) is ignored.
  const requests = useRef(new Map<string, number>());

  const recount = useCallback(() => {
    let sum = 0;
    for (const remaining of requests.current.values()) sum += remaining;
    setChecking(sum);
  }, []);

  useEffect(() => {
    const heard = (event: FolderPreviewsEvent) => {
      if (!requests.current.has(event.requestId)) return;
      if (event.done) requests.current.delete(event.requestId);
      else requests.current.set(event.requestId, event.remaining);
      if (event.previews.length > 0)
        setPreviews((current) => mergePreviews(current, event.previews));
      recount();
    };
    try {
      return onMtpEvent('folders:previewed', heard, () =>
        setError('Some folders could not be shown. Please drop them again.'),
      );
    } catch {
      // No bridge: the first check reports it in words.
      return undefined;
    }
  }, [recount]);

  const add = useCallback(
    async (paths: string[]) => {
      const unique = [...new Set(paths)];
      if (unique.length === 0) return;
      setError(undefined);
      for (let start = 0; start < unique.length; start += inspectBatch) {
        const batch = unique.slice(start, start + inspectBatch);
        const requestId = previewRequestId();
        // Known before the call, so a preview that arrives before its answer is kept.
        requests.current.set(requestId, batch.length);
        recount();
        const result = await callMtp('folders:inspect', { requestId, paths: batch });
        if (!result.ok) {
          requests.current.delete(requestId);
          recount();
          setError(result.error.message);
        }
      }
    },
    [recount],
  );

  const prepared = useRef(0);
  const prepare = useCallback(() => {
    // One nudge per drag is plenty; the checkers stay up for a while once started.
    if (Date.now() - prepared.current < 5000) return;
    prepared.current = Date.now();
    void callMtp('folders:prepare', {});
  }, []);

  const remove = useCallback((folder: string) => {
    setPreviews((current) => current.filter((p) => p.folder !== folder));
  }, []);

  const clear = useCallback(() => {
    requests.current.clear();
    setPreviews([]);
    setChecking(0);
    setError(undefined);
  }, []);

  return { previews, checking, error, add, prepare, remove, clear };
}
