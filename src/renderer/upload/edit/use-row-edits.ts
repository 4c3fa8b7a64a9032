import { useCallback, useState } from 'react';
import type { DraftField } from './edit-draft';
import { applyToAll, type BatchChanges, type RowChanges } from './row-changes';

/** What the Edit panel is open for: one row (maybe with a field to focus), or every row. */
export type EditTarget = { folder: string; focus?: DraftField } | { batch: true } | undefined;

/** The rows' changes (by folder) and which Edit panel is open. */
export interface RowEdits {
  edits: ReadonlyMap<string, RowChanges>;
  target: EditTarget;
  open: (target: EditTarget) => void;
  setRow: (folder: string, changes: RowChanges) => void;
  applyAll: (folders: readonly string[], batch: BatchChanges) => void;
  clear: () => void;
}

/** Keeps what the user changed per row until the rows are queued or cleared. */
export function useRowEdits(): RowEdits {
  const [edits, setEdits] = useState<ReadonlyMap<string, RowChanges>>(new Map());
  const [target, open] = useState<EditTarget>();
  const setRow = useCallback((folder: string, changes: RowChanges) => {
    setEdits((current) => new Map(current).set(folder, changes));
  }, []);
  const applyAll = useCallback((folders: readonly string[], batch: BatchChanges) => {
    setEdits((current) => applyToAll(current, folders, batch));
  }, []);
  const clear = useCallback(() => setEdits(new Map()), []);
  return { edits, target, open, setRow, applyAll, clear };
}
