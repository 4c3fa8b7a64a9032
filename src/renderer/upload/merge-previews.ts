import type { SequencePreview } from '../../shared/ipc-contract';

/**
 * The list with a batch of new previews in it: a folder already listed keeps its
 * place and takes its newest check, a new one goes at the end. O(list + batch).
 */
export function mergePreviews(
  current: readonly SequencePreview[],
  found: readonly SequencePreview[],
): SequencePreview[] {
  if (found.length === 0) return [...current];
  const fresh = new Map(found.map((p) => [p.folder, p]));
  const next = current.map((p) => {
    const newer = fresh.get(p.folder);
    if (newer) fresh.delete(p.folder);
    return newer ?? p;
  });
  for (const p of fresh.values()) next.push(p);
  return next;
}
