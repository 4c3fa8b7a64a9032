import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp', import.meta.url));
const present = existsSync(fixtures);

let h: PipelineHarness;
afterEach(async () => h?.close());

describeWhen(present, skipReasons.shared)(
  'the real MTP fixture tracks, each as a plain folder',
  () => {
    it('uploads every real GPX (1.0, 1.1, no elevation, gaps, repeated times) to one activity each', async () => {
      h = await startPipelineHarness();
      const folders: string[] = [];
      for (const file of (await readdir(fixtures)).filter((f) => f.endsWith('.gpx'))) {
        const folder = join(h.dir, file.replace(/\.gpx$/, ''));
        await mkdir(folder);
        await copyFile(join(fixtures, file), join(folder, file));
        folders.push(folder);
      }
      const pipeline = h.pipeline();
      pipeline.add(folders, { createMtpw: false });
      const summary = await pipeline.run();
      expect(summary).toEqual({ done: 4, failed: 0, stillProcessing: 0 });
      expect(h.sim.state().activities).toHaveLength(4);
      expect(pipeline.items().every((i) => i.activityId && i.bytesTotal > 0)).toBe(true);
    });
  },
);
