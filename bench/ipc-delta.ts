/**
 * IPC bytes per item change with 100, 1,000 and 5,000 items in the queue (target:
 * the figure does not grow with the queue), next to what one push of the whole
 * queue costs, which is what queue:changed sent before it carried deltas.
 *
 * Run: node --import tsx bench/ipc-delta.ts
 */
import { measureIpcDeltaBytes } from './support/ipc-delta-bytes';

const figures = [];
for (const size of [100, 1000, 5000]) figures.push(await measureIpcDeltaBytes(size));
for (const f of figures) {
  console.log(
    `ipc-delta: ${f.queueSize.toLocaleString('en')} items: ${f.bytesPerChange.toFixed(0)} bytes per item change (${f.changes} changes); a whole-queue push would be ${f.wholeQueueBytes.toLocaleString('en')} bytes`,
  );
}
const ratio = (figures.at(-1)?.bytesPerChange ?? 0) / (figures[0]?.bytesPerChange ?? 1);
console.log(
  `ipc-delta: 5,000 / 100 items ratio ${ratio.toFixed(2)}; target: does not grow with the queue (≤ 1.1): ${ratio <= 1.1 ? 'met' : 'NOT met'}`,
);
