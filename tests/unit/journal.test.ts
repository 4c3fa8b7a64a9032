import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import type { Logger } from '../../src/core/ports';
import { sampleItem } from '../support/sample-items';

let dir: string;
let path: string;
const opened: Journal[] = [];
const open = (options: Partial<Parameters<typeof Journal.open>[0]> = {}) => {
  const journal = Journal.open({ path, ...options });
  opened.push(journal);
  return journal;
};
const reopen = (journal: Journal, options: Partial<Parameters<typeof Journal.open>[0]> = {}) => {
  journal.close();
  return open(options);
};
const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);

/** A logger that keeps its warnings. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { info: () => undefined, warn: (message) => void warnings.push(message), warnings };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-journal-'));
  path = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  for (const journal of opened.splice(0)) {
    try {
      journal.close();
    } catch {
      // already closed by the test
    }
  }
  await rm(dir, { recursive: true, force: true });
});

describe('the journal file', () => {
  it('appends one record per save and reads the items back, in the order they were added', () => {
    const journal = open();
    journal.save(sampleItem(2));
    journal.save(sampleItem(1));
    journal.save({ ...sampleItem(2), stage: 'done' });
    expect(lines()).toHaveLength(3);
    const again = reopen(journal);
    expect(again.all().map((i) => [i.id, i.stage])).toEqual([
      [sampleItem(2).id, 'done'],
      [sampleItem(1).id, sampleItem(1).stage],
    ]);
    // Opening compacted the three records into one per item.
    expect(lines()).toHaveLength(2);
  });

  it('keeps a removal across a restart', () => {
    const journal = open();
    journal.save(sampleItem(1));
    journal.save(sampleItem(2));
    journal.remove(sampleItem(1).id);
    expect(
      reopen(journal)
        .all()
        .map((i) => i.id),
    ).toEqual([sampleItem(2).id]);
  });

  it('drops a last record cut short, says so, and goes on appending after the last whole one', () => {
    const journal = open();
    journal.save(sampleItem(1));
    journal.save(sampleItem(2));
    journal.close();
    const whole = readFileSync(path, 'utf8');
    const cut = JSON.stringify({ v: 1, put: { ...sampleItem(2), stage: 'done' } });
    appendFileSync(path, cut.slice(0, cut.length / 2));
    const logger = recordingLogger();
    const again = open({ logger });
    expect(logger.warnings).toEqual([expect.stringMatching(/cut short/)]);
    expect(again.get(sampleItem(2).id)).toEqual(sampleItem(2));
    expect(readFileSync(path, 'utf8')).toBe(whole);
    again.save({ ...sampleItem(1), stage: 'done' });
    expect(reopen(again).get(sampleItem(1).id)?.stage).toBe('done');
  });

  it('sets aside a record that is not JSON or not an item, and keeps the rest', () => {
    const journal = open();
    journal.save(sampleItem(1));
    journal.close();
    appendFileSync(path, '{"v":1,"put":{"id":"x","stage":"flying"}}\n');
    appendFileSync(path, 'garbage in the middle\n');
    appendFileSync(path, `${JSON.stringify({ v: 1, put: sampleItem(2) })}\n`);
    const logger = recordingLogger();
    const again = open({ logger });
    expect(again.all().map((i) => i.id)).toEqual([sampleItem(1).id, sampleItem(2).id]);
    expect(logger.warnings).toHaveLength(2);
    expect(readFileSync(`${path}.set-aside`, 'utf8')).toContain('flying');
    expect(lines()).toHaveLength(2);
  });

  it('compacts itself once the log is past the threshold and twice what its items need', async () => {
    const journal = open({ compactAtBytes: 64 * 1024 });
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 20; i++) journal.save(sampleItem(i, { polls: round }));
      // The pipeline waits between steps; a compaction runs in those waits.
      await journal.settled();
    }
    const live = 20 * (JSON.stringify({ v: 1, put: sampleItem(0) }).length + 1);
    // Without compaction it would hold 1,200 records.
    expect(statSync(path).size).toBeLessThan(Math.max(64 * 1024, 2 * live) + 2 * live);
    expect(lines().length).toBeLessThan(400);
    const again = reopen(journal);
    expect(again.size).toBe(20);
    expect(again.all().every((i) => i.polls === 59)).toBe(true);
  });

  it('lets a second process read a journal another one holds, without rewriting it', () => {
    const holder = open();
    holder.save(sampleItem(1));
    holder.save({ ...sampleItem(1), stage: 'done' });
    const reader = open();
    expect(reader.writable).toBe(false);
    expect(reader.get(sampleItem(1).id)?.stage).toBe('done');
    expect(lines()).toHaveLength(2);
    holder.save(sampleItem(3));
    reader.close();
    expect(reopen(holder).size).toBe(2);
  });

  it('takes over the lock of a process that died', () => {
    writeFileSync(`${path}.lock`, '999999999');
    const journal = open();
    expect(journal.writable).toBe(true);
    journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
