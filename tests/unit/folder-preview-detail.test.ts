import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewFolder } from '../../src/core/app/folder-preview';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('a preview problem', () => {
  it('carries the words only, never the detail (paths, raw parser messages)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'preview-detail-'));
    dirs.push(root);
    const folder = join(root, 'broken-sequence');
    await mkdir(folder);
    await writeFile(join(folder, 'track.gpx'), '<gpx><trk><trkseg><trkpt lat="x"');
    const preview = await previewFolder(folder);
    expect(preview.problem).toBeDefined();
    expect(preview.problem?.message).toBeTruthy();
    expect(preview.problem).not.toHaveProperty('detail');
    expect(JSON.stringify(preview.problem)).not.toContain(root);
  });
});
