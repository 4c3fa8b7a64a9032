/**
 * A child process for the kill-during-compaction test: opens a journal (compacting
 * it, and migrating the old journal of the state file beside it with `legacy`),
 * then either stops dead at one step of the rewrite (`stop-at:written`,
 * `stop-at:renamed`) for the parent to SIGKILL it there, or compacts in a loop
 * (`loop`) for the parent to kill it at a random moment. With `grow:<step>` it saves
 * 50 items round after round, as the pipeline does, until a compaction those saves
 * started in the background reaches the step; it prints the last round saved whole.
 */
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Journal } from '../../src/core/pipeline/journal';
import { createJsonFileStateStore } from '../../src/core/state/json-file-state-store';
import { sampleItem } from './sample-items';

const [path, mode = 'loop', legacy] = process.argv.slice(2);
if (!path) throw new Error('usage: journal-compaction-child <journal> <mode> [legacy]');
const stopAt = /^(stop-at|grow):/.test(mode) ? mode.slice(mode.indexOf(':') + 1) : undefined;
let lastRound = -1;
const journal = Journal.open({
  path,
  ...(mode.startsWith('grow:') ? { compactAtBytes: 64 * 1024 } : {}),
  ...(legacy ? { legacy: createJsonFileStateStore(dirname(path)) } : {}),
  onRewrite: (step) => {
    if (step !== stopAt) return;
    // Written synchronously, so the parent sees it before this process blocks.
    writeSync(1, mode.startsWith('grow:') ? `at ${step} ${lastRound}\n` : `at ${step}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
writeSync(1, 'ready\n');
if (mode === 'loop') for (;;) journal.compact();
if (mode.startsWith('grow:')) {
  for (let round = 0; round < 2_000; round++) {
    for (let i = 0; i < 50; i++) journal.save(sampleItem(i, { polls: round }));
    lastRound = round;
    // The event loop turns between steps, and the background compaction goes on then.
    await turn();
  }
  // Bounded, so a compaction that never reaches its step fails the test instead of spinning.
  throw new Error(`no background compaction reached "${stopAt}" in 2,000 rounds`);
}
