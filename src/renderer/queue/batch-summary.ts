import { plural } from '../common/plural';

/** The words for a finished batch: "3 sequences uploaded, 1 failed." */
export function batchSummary(done: number, failed: number): string {
  if (done > 0 && failed > 0)
    return `${plural(done, 'sequence', 'sequences')} uploaded, ${failed.toLocaleString()} failed.`;
  if (failed > 0) return `${plural(failed, 'sequence', 'sequences')} failed.`;
  return `${plural(done, 'sequence', 'sequences')} uploaded.`;
}
