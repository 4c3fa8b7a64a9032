import { silentLogger, type Logger, type StateStore } from '../ports';
import { LineLog, type RewriteStep } from '../state/line-log';
import { legacyJournalKey, readLegacyJournal } from './journal-migration';
import { deleteLine, parseLine, putLine } from './journal-record';
import type { QueueItem } from './queue-item';

export interface JournalOptions {
  /** The journal file (`journal.jsonl` in the state folder). */
  path: string;
  /** The StateStore earlier versions kept the journal in: migrated on first open, then its key removed. */
  legacy?: StateStore;
  logger?: Logger;
  /** The log is compacted once it is past this size and more than twice what its items need. */
  compactAtBytes?: number;
  /** Told at each step of a compaction (a kill test stops the process there). */
  onRewrite?: (step: RewriteStep) => void;
}

const defaultCompactAtBytes = 4 * 1024 * 1024;
const lineBytes = (line: string) => Buffer.byteLength(line) + 1;

/**
 * The pipeline's durable memory: an append-only log with one record per step (the
 * whole item), fsynced before `save` returns, so a crash or quit resumes where it
 * stopped and a step costs the same whatever the queue's size. The log is compacted
 * (rewritten with one record per item, crash-safely) at open when it holds more than
 * that, and in the background whenever it grows past twice what its items need. A
 * last record cut short by a kill is dropped; a record that does not parse is set
 * aside beside the file. Both are logged, neither stops the app.
 *
 * Chosen over an embedded database (better-sqlite3): the journal is a keyed list of
 * small documents written one at a time, which a log does in a few dozen lines with
 * no native module to rebuild for each Electron version.
 */
export class Journal {
  private readonly items = new Map<string, QueueItem>();
  private readonly bytesOf = new Map<string, number>();
  private liveBytes = 0;
  private readonly compactAtBytes: number;
  /** A compaction under way in the background, started by a save. */
  private compaction: Promise<void> | undefined;
  /** After a compaction failed (a full disk), the next is tried only once the log is past this. */
  private retryCompactionAt = 0;

  private constructor(
    private readonly log: LineLog,
    private readonly logger: Logger,
    compactAtBytes: number,
  ) {
    this.compactAtBytes = compactAtBytes;
  }

  /** Opens the journal file, migrating the StateStore's journal into it on first open. */
  static open(options: JournalOptions): Journal {
    const logger = options.logger ?? silentLogger;
    const { log, contents } = LineLog.open(
      options.path,
      options.onRewrite ? { onRewrite: options.onRewrite } : {},
    );
    const journal = new Journal(log, logger, options.compactAtBytes ?? defaultCompactAtBytes);
    try {
      journal.load(contents.lines, contents.tornBytes, options.legacy);
    } catch (error) {
      log.close();
      throw error;
    }
    return journal;
  }

  private load(lines: string[], tornBytes: number, legacy: StateStore | undefined): void {
    let damaged = tornBytes > 0;
    if (damaged)
      this.logger.warn('journal: dropped a last record cut short (the app was stopped mid-write)', {
        bytes: tornBytes,
      });
    let records = 0;
    for (const line of lines) {
      const record = parseLine(line);
      if (typeof record === 'string') {
        damaged = true;
        this.logger.warn('journal: set aside a record that could not be read', {
          problem: record,
        });
        if (this.log.writable) this.log.setAside(line);
        continue;
      }
      records += 1;
      if ('put' in record) this.track(record.put, lineBytes(line));
      else this.forget(record.del);
    }
    // Only the process holding the log rewrites it; another one reads what is there.
    if (!this.log.writable) return;
    const old = legacy ? readLegacyJournal(legacy) : undefined;
    let migrated = 0;
    for (const item of old?.items ?? []) {
      // An item already in the file came from an earlier, interrupted migration, or is newer.
      if (this.items.has(item.id)) continue;
      this.track(item, lineBytes(putLine(item)));
      migrated += 1;
    }
    for (const { id, value } of old?.rejected ?? []) {
      this.logger.warn('journal: set aside an item of the old journal that could not be read', {
        id,
      });
      this.log.setAside(JSON.stringify({ legacy: id, value }));
    }
    if (damaged || migrated > 0 || records !== this.items.size) this.compact();
    if (old && legacy) {
      // Only now is every item in the file: a kill before this line migrates again, and finds them there.
      legacy.delete(legacyJournalKey);
      this.logger.info('journal: moved the queue into its own file', { items: migrated });
    }
  }

  private track(item: QueueItem, bytes: number): void {
    this.liveBytes += bytes - (this.bytesOf.get(item.id) ?? 0);
    this.bytesOf.set(item.id, bytes);
    // A Map keeps the order items were first added in, which is the queue's order.
    this.items.set(item.id, item);
  }

  private forget(id: string): void {
    this.liveBytes -= this.bytesOf.get(id) ?? 0;
    this.bytesOf.delete(id);
    this.items.delete(id);
  }

  /** Every item, in the order they were added. */
  all(): QueueItem[] {
    return [...this.items.values()];
  }

  /** One item by id. */
  get(id: string): QueueItem | undefined {
    return this.items.get(id);
  }

  /** How many items the journal holds. */
  get size(): number {
    return this.items.size;
  }

  /** False when another process holds the journal: this one may read it, and should not act on it. */
  get writable(): boolean {
    return this.log.writable;
  }

  /**
   * Stores the item; durable on disk when this returns. With `durable: false` (a
   * state that can be worked out again, such as a read that will simply be redone)
   * it is written but not synced: the next durable save or `flush()` syncs it.
   */
  save(item: QueueItem, options: { durable?: boolean } = {}): void {
    const line = putLine(item);
    this.log.append(line, { sync: options.durable !== false });
    this.track(item, lineBytes(line));
    this.compactIfGrown();
  }

  /** Makes every save so far durable (after saves that were not); costs nothing when all are. */
  flush(): void {
    this.log.syncPending();
  }

  /** Forgets an item, durably. */
  remove(id: string): void {
    if (!this.items.has(id)) return;
    this.log.append(deleteLine(id));
    this.forget(id);
    this.compactIfGrown();
  }

  /** Rewrites the log with one record per item, before this returns. */
  compact(): void {
    this.log.rewrite(this.liveLines());
  }

  /** Resolves once a compaction started by a save is over (at once when none is). */
  settled(): Promise<void> {
    return this.compaction ?? Promise.resolve();
  }

  /** Closes the file; the journal cannot be used after. */
  close(): void {
    this.log.close();
  }

  /** One record per item, made as they are read: items saved meanwhile are read as they are then. */
  private *liveLines(): Generator<string> {
    for (const item of this.items.values()) yield putLine(item);
  }

  /**
   * Compacts in the background once the log has grown past the threshold and twice
   * what its items need: the new file is written off the event loop, which in the app
   * is Electron's main process (a synchronous rewrite of 5,000 items held it 30-50 ms).
   */
  private compactIfGrown(): void {
    const bytes = this.log.bytes;
    if (!this.log.writable || this.compaction || bytes <= this.retryCompactionAt) return;
    if (bytes <= this.compactAtBytes || bytes <= 2 * this.liveBytes) return;
    this.compaction = this.log
      .rewriteInBackground(this.liveLines())
      .catch((error: unknown) => {
        this.retryCompactionAt = this.log.bytes + this.compactAtBytes;
        this.logger.warn('journal: could not compact the log; it stays as it is', {
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        this.compaction = undefined;
      });
  }
}
