import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { createJsonFileStateStore } from '../../src/core/state/json-file-state-store';
import { sampleItem } from '../support/sample-items';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const child = join(repoRoot, 'tests/support/journal-compaction-child.ts');
const count = 4_000;

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-compact-kill-'));
  path = join(dir, 'journal.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A journal with two records per item (an earlier step, then the latest), so opening it compacts. */
function writeGrownJournal(): QueueItem[] {
  const latest = Array.from({ length: count }, (_, i) => sampleItem(i, { polls: 7 }));
  const lines = [
    ...latest.map((item) => JSON.stringify({ v: 1, put: { ...item, polls: 1 } })),
    ...latest.map((item) => JSON.stringify({ v: 1, put: item })),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return latest;
}

/** Runs the child; SIGKILLs it when it prints a line starting with `waitFor` (after `afterMs` more); resolves with that line once it is gone. */
async function runAndKill(mode: string, waitFor: string, afterMs = 0, legacy = false) {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', child, path, mode, ...(legacy ? ['legacy'] : [])],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  proc.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    proc.once('exit', (_code, signal) => resolve(signal)),
  );
  const seen = await new Promise<string | undefined>((resolve) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (line.startsWith(waitFor)) resolve(line);
    });
    void exited.then(() => resolve(undefined));
  });
  expect(seen, `the child never printed "${waitFor}": ${stderr.join('')}`).toBeDefined();
  if (afterMs > 0) await delay(afterMs);
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return seen ?? '';
}

/** What the file holds, read record by record as a restart would (the latest record of each id wins). */
function itemsOnDisk(): Map<string, QueueItem> {
  const items = new Map<string, QueueItem>();
  for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as { put: QueueItem };
    items.set(record.put.id, record.put);
  }
  return items;
}

function expectAllOnce(expected: QueueItem[]): void {
  expect([...itemsOnDisk().values()]).toEqual(expected);
  const journal = Journal.open({ path });
  expect(journal.all()).toEqual(expected);
  journal.close();
  const ids = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { put: QueueItem }).put.id);
  expect(ids).toHaveLength(expected.length);
  expect(new Set(ids).size).toBe(expected.length);
}

describe('a journal killed with SIGKILL while it compacts', () => {
  it.each(['written', 'renamed'])(
    'killed right after the new file is %s: no item lost or duplicated',
    async (step) => {
      const expected = writeGrownJournal();
      await runAndKill(`stop-at:${step}`, `at ${step}`);
      expectAllOnce(expected);
    },
    60_000,
  );

  it.each(['written', 'renamed'])(
    'killed while a compaction started by a save runs in the background (new file %s): every item at its last step',
    async (step) => {
      const line = await runAndKill(`grow:${step}`, `at ${step} `);
      const round = Number(line.split(' ').at(-1));
      expect(round).toBeGreaterThan(0);
      const journal = Journal.open({ path });
      expect(journal.all().map((item) => item.id)).toEqual(
        Array.from({ length: 50 }, (_, i) => sampleItem(i).id),
      );
      expect(journal.all().every((item) => item.polls === round)).toBe(true);
      journal.close();
    },
    60_000,
  );

  it('killed at random moments of compactions in a loop: no item lost or duplicated', async () => {
    const expected = writeGrownJournal();
    let seed = 12;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 6; round++) {
      await runAndKill('loop', 'ready', Math.round(random() * 120));
      expectAllOnce(expected);
    }
  }, 120_000);

  it.each(['written', 'renamed'])(
    'killed while moving the old journal in (new file %s): every item once, the old key gone after the next open',
    async (step) => {
      const store = createJsonFileStateStore(dir);
      const items = Array.from({ length: count }, (_, i) => sampleItem(i));
      store.set('pipeline.items', Object.fromEntries(items.map((i) => [i.id, i])));
      await runAndKill(`stop-at:${step}`, `at ${step}`, 0, true);
      const journal = Journal.open({ path, legacy: createJsonFileStateStore(dir) });
      expect(journal.all()).toEqual(items);
      journal.close();
      expect(createJsonFileStateStore(dir).get('pipeline.items')).toBeUndefined();
      expectAllOnce(items);
    },
    60_000,
  );
});
