import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineLog } from '../../src/core/state/line-log';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-line-log-'));
  path = join(dir, 'log.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('a rewrite in the background', () => {
  it('copies the lines appended after its snapshot was read to the new file', async () => {
    const { log } = LineLog.open(path);
    for (const line of ['a1', 'a2', 'b1']) log.append(line);
    const snapshot = function* () {
      yield 'a2';
      yield 'b1';
      // Read by now: what is appended from here on is not in the snapshot.
      log.append('c1');
      log.append('a3', { sync: false });
    };
    await log.rewriteInBackground(snapshot());
    expect(lines()).toEqual(['a2', 'b1', 'c1', 'a3']);
    log.append('d1');
    log.close();
    expect(lines()).toEqual(['a2', 'b1', 'c1', 'a3', 'd1']);
    expect(LineLog.open(path).contents.lines).toEqual(['a2', 'b1', 'c1', 'a3', 'd1']);
  });

  it('knows the size of the new file, so a later compaction is judged right', async () => {
    const { log } = LineLog.open(path);
    for (let i = 0; i < 50; i++) log.append(`line ${i}`);
    await log.rewriteInBackground(['line 49', 'é']);
    expect(log.bytes).toBe(Buffer.byteLength('line 49\né\n'));
    log.close();
  });
});
