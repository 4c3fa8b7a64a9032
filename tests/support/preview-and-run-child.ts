/**
 * A child of runAsNobody: previews one folder and runs it through the real
 * pipeline against its own simulator, then prints one JSON line of what came of it.
 */
import { previewFolders } from '../../src/core/app/folder-preview';
import { startPipelineHarness } from './pipeline-harness';

const path = process.argv[2] ?? '';
const [preview] = await previewFolders([path]);
const h = await startPipelineHarness();
try {
  const pipeline = h.pipeline();
  const [added] = pipeline.add([path], { createMtpw: false });
  await pipeline.run({ signal: AbortSignal.timeout(60_000) });
  const item = pipeline.items().find((i) => i.id === added?.id) ?? {};
  const uploads = h.sim.state().requests['POST /api/v3/uploads'] ?? 0;
  console.log(JSON.stringify({ preview, item, uploads }));
} finally {
  await h.close();
}
