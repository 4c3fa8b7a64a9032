import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import { sampleItem } from '../support/sample-items';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-journal-bg-'));
  path = join(dir, 'journal.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);
const inode = () => statSync(path).ino;

/** Saves 20 items `rounds` times each in one go, so that the last saves start a compaction. */
function fill(journal: Journal, rounds: number): Journal {
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < 20; i++) journal.save(sampleItem(i, { polls: round }));
  return journal;
}
const grown = (rounds: number) => fill(Journal.open({ path, compactAtBytes: 16 * 1024 }), rounds);

describe('a compaction started by a save', () => {
  it('writes the new file in the background: the save returns with the old log still in place', async () => {
    const journal = Journal.open({ path, compactAtBytes: 16 * 1024 });
    const before = inode();
    fill(journal, 12);
    // Compacted synchronously, the log would have been replaced during the saves.
    expect(inode()).toBe(before);
    expect(lines()).toHaveLength(240);
    await journal.settled();
    expect(inode()).not.toBe(before);
    expect(lines().length).toBeLessThan(240);
    expect(existsSync(`${path}.compacting`)).toBe(false);
    journal.close();
  });

  it('keeps the saves and removals made around it, after the swap and after a restart', async () => {
    const journal = grown(12);
    journal.save(sampleItem(3, { polls: 99 }));
    journal.save(sampleItem(40, { polls: 1 }));
    journal.remove(sampleItem(7).id);
    await journal.settled();
    journal.save(sampleItem(4, { polls: 98 }));
    const expectLatest = (j: Journal) => {
      expect(j.size).toBe(20);
      expect(j.get(sampleItem(3).id)?.polls).toBe(99);
      expect(j.get(sampleItem(4).id)?.polls).toBe(98);
      expect(j.get(sampleItem(40).id)?.polls).toBe(1);
      expect(j.get(sampleItem(7).id)).toBeUndefined();
      expect(j.get(sampleItem(5).id)?.polls).toBe(11);
    };
    expectLatest(journal);
    journal.close();
    const again = Journal.open({ path });
    expectLatest(again);
    again.close();
  });

  it('is dropped when the journal is closed before it is done: the log stays whole, its new file goes', async () => {
    const journal = grown(12);
    journal.close();
    await journal.settled();
    expect(existsSync(`${path}.compacting`)).toBe(false);
    expect(lines()).toHaveLength(240);
    const again = Journal.open({ path });
    expect(again.size).toBe(20);
    expect(again.all().every((item) => item.polls === 11)).toBe(true);
    again.close();
  });

  it('that fails (here its file cannot be made) leaves the log as it is, says so once, and is tried again only later', async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => undefined,
      warn: (message: string) => void warnings.push(message),
    };
    const journal = Journal.open({ path, compactAtBytes: 16 * 1024, logger });
    mkdirSync(`${path}.compacting`);
    fill(journal, 12);
    await journal.settled();
    const failed = 'journal: could not compact the log; it stays as it is';
    expect(warnings).toEqual([failed]);
    // Not at the next saves: only once the log has grown by the threshold again.
    for (let i = 0; i < 10; i++) journal.save(sampleItem(i, { polls: 50 }));
    await journal.settled();
    expect(warnings).toEqual([failed]);
    fill(journal, 12);
    await journal.settled();
    expect(warnings).toEqual([failed, failed]);
    expect(lines()).toHaveLength(490);
    expect(journal.size).toBe(20);
    journal.close();
  });

  it('gives way to a compaction asked for now, which leaves one record per item', async () => {
    const journal = grown(12);
    journal.compact();
    await journal.settled();
    expect(lines()).toHaveLength(20);
    expect(existsSync(`${path}.compacting`)).toBe(false);
    journal.close();
  });
});
