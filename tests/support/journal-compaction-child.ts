/**
 * A child process for the kill-during-compaction test: opens a journal (compacting
 * it, and migrating the old journal of the state file beside it with `legacy`),
 * then either stops dead at one step of the rewrite (`stop-at:written`,
 * `stop-at:renamed`) for the parent to SIGKILL it there, or compacts in a loop
 * (`loop`) for the parent to kill it at a random moment.
 */
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Journal } from '../../src/core/pipeline/journal';
import { createJsonFileStateStore } from '../../src/core/state/json-file-state-store';

const [path, mode = 'loop', legacy] = process.argv.slice(2);
if (!path) throw new Error('usage: journal-compaction-child <journal> <mode> [legacy]');
const stopAt = mode.startsWith('stop-at:') ? mode.slice('stop-at:'.length) : undefined;
const journal = Journal.open({
  path,
  ...(legacy ? { legacy: createJsonFileStateStore(dirname(path)) } : {}),
  onRewrite: (step) => {
    if (step !== stopAt) return;
    // Written synchronously, so the parent sees it before this process blocks.
    writeSync(1, `at ${step}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
writeSync(1, 'ready\n');
if (mode === 'loop') for (;;) journal.compact();
