import { MinHeap } from './min-heap';
import { stages, type QueueItem, type Stage } from './queue-item';

/**
 * Where an item is: finished, ready to act on, waiting for a time (a retry, Strava's
 * processing, the rate-limit window), or taken by the scheduler to run a step.
 */
type Place = 'settled' | 'ready' | 'timer' | 'taken';

interface Entry {
  /** Bumped on every change, so heap entries of an earlier state are known stale. */
  version: number;
  stage: Stage;
  place: Place;
  /** Waiting on the slow re-check of an upload Strava keeps processing. */
  slow: boolean;
  /** The item's position in the queue: earlier items go first. */
  order: number;
}

interface Timed {
  at: number;
  id: string;
  version: number;
}

interface Queued {
  order: number;
  id: string;
  version: number;
}

/** Stale heap entries are cleared out once they outnumber the items this much. */
const staleFactor = 2;
const staleSlack = 1024;

const settledStage = (stage: Stage) => stage === 'done' || stage === 'failed';

/**
 * The items indexed by what they wait for, so the scheduler finds the next step in
 * O(log n) and never scans the queue: steps ready to run (in queue order), uploads
 * Strava is processing (all, and those due for a check), and a min-heap of the
 * times the others wait for. Updated on every save, in O(log n).
 */
export class WaitIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly readySteps = new MinHeap<Queued>((a, b) => a.order < b.order);
  private readonly timers = new MinHeap<Timed>((a, b) => a.at < b.at);
  private readonly processing = new Set<string>();
  private readonly dueProcessing = new Set<string>();
  private readonly stages = new Map<Stage, number>();
  private slowWaiting = 0;
  private nextOrder = 0;

  constructor(items: Iterable<QueueItem>, now: number) {
    for (const item of items) this.update(item, now);
  }

  /** Files the item under what it waits for now (after a save). */
  update(item: QueueItem, now: number): void {
    const before = this.entries.get(item.id);
    if (before) this.leave(item.id, before);
    const entry: Entry = {
      version: (before?.version ?? 0) + 1,
      stage: item.stage,
      place: 'settled',
      slow: false,
      order: before?.order ?? this.nextOrder++,
    };
    this.entries.set(item.id, entry);
    this.stages.set(item.stage, (this.stages.get(item.stage) ?? 0) + 1);
    if (settledStage(item.stage)) return;
    if (item.stage === 'processing') this.processing.add(item.id);
    if ((item.notBefore ?? 0) > now) {
      entry.place = 'timer';
      entry.slow = item.stage === 'processing' && item.slowProcessing === true;
      if (entry.slow) this.slowWaiting += 1;
      this.timers.push({ at: item.notBefore ?? now, id: item.id, version: entry.version });
    } else this.makeReady(item.id, entry);
    this.clearStale();
  }

  /** Forgets a removed item. */
  delete(id: string): void {
    const before = this.entries.get(id);
    if (!before) return;
    this.leave(id, before);
    this.entries.delete(id);
  }

  /** Moves whatever waited for a time up to `now` to the ready lanes. */
  promote(now: number): void {
    for (let top = this.timers.peek(); top && top.at <= now; top = this.timers.peek()) {
      this.timers.pop();
      const entry = this.current(top);
      if (!entry || entry.place !== 'timer') continue;
      this.unslow(entry);
      this.makeReady(top.id, entry);
    }
  }

  /** When the earliest wait ends, if anything waits for a time. */
  nextWake(): number | undefined {
    for (let top = this.timers.peek(); top; top = this.timers.peek()) {
      const entry = this.current(top);
      if (entry?.place === 'timer') return top.at;
      this.timers.pop();
    }
    return undefined;
  }

  /** Takes the earliest queued item ready for a step (reading, uploading, syncing). */
  takeStep(): string | undefined {
    for (let top = this.readySteps.pop(); top; top = this.readySteps.pop()) {
      const entry = this.current(top);
      if (entry?.place !== 'ready' || entry.stage === 'processing') continue;
      entry.place = 'taken';
      return top.id;
    }
    return undefined;
  }

  /** True when an upload in processing is due for a check. */
  hasDueProcessing(): boolean {
    return this.dueProcessing.size > 0;
  }

  /** Takes the uploads due for a check, or (`all`, for one list read that covers them all) every upload in processing. */
  takeProcessing(options: { all: boolean }): string[] {
    const ids = [...(options.all ? this.processing : this.dueProcessing)];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.unslow(entry);
      entry.place = 'taken';
      this.dueProcessing.delete(id);
    }
    return ids;
  }

  /** How many items are at `stage`. */
  count(stage: Stage): number {
    return this.stages.get(stage) ?? 0;
  }

  /** How many items are at each stage. */
  counts(): Record<Stage, number> {
    return Object.fromEntries(stages.map((stage) => [stage, this.count(stage)])) as Record<
      Stage,
      number
    >;
  }

  /** Items not done or failed. */
  get pending(): number {
    return this.entries.size - this.count('done') - this.count('failed');
  }

  /** Items that only wait on Strava's slow processing (checked again now and then). */
  get waitingOnSlowProcessing(): number {
    return this.slowWaiting;
  }

  private current(ref: { id: string; version: number }): Entry | undefined {
    const entry = this.entries.get(ref.id);
    return entry && entry.version === ref.version ? entry : undefined;
  }

  private makeReady(id: string, entry: Entry): void {
    entry.place = 'ready';
    if (entry.stage === 'processing') this.dueProcessing.add(id);
    else this.readySteps.push({ order: entry.order, id, version: entry.version });
  }

  private leave(id: string, entry: Entry): void {
    this.stages.set(entry.stage, (this.stages.get(entry.stage) ?? 1) - 1);
    this.unslow(entry);
    this.processing.delete(id);
    this.dueProcessing.delete(id);
  }

  private unslow(entry: Entry): void {
    if (!entry.slow) return;
    entry.slow = false;
    this.slowWaiting -= 1;
  }

  /** Heap entries of earlier states are skipped when they surface; this keeps them from piling up. */
  private clearStale(): void {
    const limit = staleFactor * this.entries.size + staleSlack;
    if (this.timers.size > limit) this.timers.retain((t) => this.current(t)?.place === 'timer');
    if (this.readySteps.size > limit)
      this.readySteps.retain((q) => this.current(q)?.place === 'ready');
  }
}
