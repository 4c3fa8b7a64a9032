import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import type { StateStore } from '../../src/core/ports';
import { createJsonFileStateStore } from '../../src/core/state/json-file-state-store';
import { sampleItem } from '../support/sample-items';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-migrate-'));
  path = join(dir, 'journal.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const count = 5_000;
/** The old journal: every item in one JSON document under `pipeline.items`, keyed by id, in no particular order. */
function oldJournal(store: StateStore): QueueItem[] {
  const items = Array.from({ length: count }, (_, i) => sampleItem(i));
  const shuffled = [...items].sort((a, b) =>
    a.id.split('').reverse() < b.id.split('').reverse() ? -1 : 1,
  );
  store.set('pipeline.items', Object.fromEntries(shuffled.map((i) => [i.id, i])));
  store.set('strava.clientId', '54321');
  return items;
}
const recordIds = () =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { put: { id: string } }).put.id);

describe('moving the old journal into its file', () => {
  it('moves all 5,000 items of the old format, with the same content, and removes only the old key', () => {
    const store = createJsonFileStateStore(dir);
    const items = oldJournal(store);
    const journal = Journal.open({ path, legacy: store });
    expect(journal.all()).toEqual(items);
    journal.close();
    // A fresh look at the state file, as the next start of the app sees it.
    const after = createJsonFileStateStore(dir);
    expect(after.get('pipeline.items')).toBeUndefined();
    expect(after.get('strava.clientId')).toBe('54321');
    const again = Journal.open({ path, legacy: after });
    expect(again.all()).toEqual(items);
    again.close();
    expect(recordIds()).toHaveLength(count);
  });

  it('migrates again, without duplicates, after a kill before the new file replaced the old', () => {
    const store = createJsonFileStateStore(dir);
    const items = oldJournal(store);
    expect(() =>
      Journal.open({
        path,
        legacy: store,
        onRewrite: (step) => {
          if (step === 'written') throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    expect(store.get('pipeline.items')).toBeDefined();
    const journal = Journal.open({ path, legacy: store });
    expect(journal.all()).toEqual(items);
    journal.close();
    expect(new Set(recordIds()).size).toBe(count);
    expect(recordIds()).toHaveLength(count);
  });

  it('keeps every item once after a kill between the new file and the removal of the old key', () => {
    const store = createJsonFileStateStore(dir);
    const items = oldJournal(store);
    const dying: StateStore = {
      ...store,
      delete: () => {
        throw new Error('killed');
      },
    };
    expect(() => Journal.open({ path, legacy: dying })).toThrow('killed');
    expect(store.get('pipeline.items')).toBeDefined();
    const journal = Journal.open({ path, legacy: store });
    // An item that moved on after the first open keeps its newer record.
    journal.save({ ...items[0]!, stage: 'done' });
    journal.close();
    expect(store.get('pipeline.items')).toBeUndefined();
    expect(recordIds()).toHaveLength(count + 1);
    const again = Journal.open({ path, legacy: store });
    expect(again.size).toBe(count);
    expect(again.get(items[0]!.id)?.stage).toBe('done');
    again.close();
  });

  it('sets aside an old item that does not parse, and moves the others', () => {
    const store = createJsonFileStateStore(dir);
    store.set('pipeline.items', {
      good: sampleItem(1),
      bad: { id: 'bad', stage: 'teleporting' },
    });
    const journal = Journal.open({ path, legacy: store });
    expect(journal.all()).toEqual([sampleItem(1)]);
    journal.close();
    expect(readFileSync(`${path}.set-aside`, 'utf8')).toContain('teleporting');
    expect(store.get('pipeline.items')).toBeUndefined();
  });
});
