import { stageSchema } from '../../shared/ipc-contract';
import { withTime } from '../../shared/timed-words';
import type { UploadErrorData } from '../../shared/upload-error-data';

/** What the summary reads of an item: the journal's items and the UI's rows both have it. */
export interface SummarisedItem {
  id: string;
  name: string;
  stage: (typeof stageSchema.options)[number];
  failedStep?: string | undefined;
  error?: UploadErrorData | undefined;
  waitingFor?: string | undefined;
  /** When a waiting item goes on (fills the time slot of `waitingFor`). */
  notBefore?: number | undefined;
}

/** The queue as support needs it: how many items are where, and why each failed one failed. */
export interface QueueSummary {
  total: number;
  counts: Record<(typeof stageSchema.options)[number], number>;
  failed: Array<{
    id: string;
    name: string;
    step: string | undefined;
    reason: string | undefined;
    kind: string | undefined;
    status?: number;
    detail?: string;
  }>;
  /** Items waiting (backoff, rate limit, slow processing), with what they wait for. */
  waiting: Array<{ id: string; name: string; stage: string; waitingFor: string }>;
}

/** A support bundle is read anywhere: its times are UTC, in ISO form. */
const isoTime = (at: number) => new Date(at).toISOString();

/** Counts per stage (every stage, zero included) and the failed items with their step and reason. */
export function summariseQueue(items: readonly SummarisedItem[]): QueueSummary {
  const counts = Object.fromEntries(
    stageSchema.options.map((s) => [s, 0]),
  ) as QueueSummary['counts'];
  for (const item of items) counts[item.stage] += 1;
  return {
    total: items.length,
    counts,
    failed: items
      .filter((i) => i.stage === 'failed')
      .map((i) => ({
        id: i.id,
        name: i.name,
        step: i.failedStep,
        reason: i.error?.message && withTime(i.error.message, i.error.retryAt, isoTime),
        kind: i.error?.kind,
        ...(i.error?.status !== undefined ? { status: i.error.status } : {}),
        ...(i.error?.detail ? { detail: i.error.detail } : {}),
      })),
    waiting: items
      .filter((i) => i.stage !== 'failed' && i.stage !== 'done' && i.waitingFor)
      .map((i) => ({
        id: i.id,
        name: i.name,
        stage: i.stage,
        waitingFor: withTime(i.waitingFor ?? '', i.notBefore, isoTime),
      })),
  };
}
