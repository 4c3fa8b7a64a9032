import { useCallback, useState } from 'react';
import type { SequencePreview } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';

/** `folders:inspect` takes at most this many paths per call. */
const inspectBatch = 1000;

export interface PreviewsState {
  previews: SequencePreview[];
  /** How many folders are being checked right now. */
  checking: number;
  error: string | undefined;
  add: (paths: string[]) => Promise<void>;
  remove: (folder: string) => void;
  clear: () => void;
}

/** The folders picked for upload, each checked at once; a folder added twice keeps its newest check. */
export function usePreviews(): PreviewsState {
  const [previews, setPreviews] = useState<SequencePreview[]>([]);
  const [checking, setChecking] = useState(0);
  const [error, setError] = useState<string>();

  const add = useCallback(async (paths: string[]) => {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return;
    setError(undefined);
    setChecking((n) => n + unique.length);
    for (let start = 0; start < unique.length; start += inspectBatch) {
      const batch = unique.slice(start, start + inspectBatch);
      const result = await callMtp('folders:inspect', { paths: batch });
      setChecking((n) => Math.max(0, n - batch.length));
      if (!result.ok) {
        setError(result.error.message);
        continue;
      }
      const found = result.value;
      setPreviews((current) => {
        const fresh = new Map(found.map((p) => [p.folder, p]));
        const kept = current.map((p) => fresh.get(p.folder) ?? p);
        const known = new Set(current.map((p) => p.folder));
        return [...kept, ...found.filter((p) => !known.has(p.folder))];
      });
    }
  }, []);

  const remove = useCallback((folder: string) => {
    setPreviews((current) => current.filter((p) => p.folder !== folder));
  }, []);

  const clear = useCallback(() => {
    setPreviews([]);
    setError(undefined);
  }, []);

  return { previews, checking, error, add, remove, clear };
}
