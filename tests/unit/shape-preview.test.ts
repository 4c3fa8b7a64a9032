import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIndices, shapePreview } from '../../src/core/app/shape-preview';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let dir = '';
let folder = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-shape-preview-'));
  // 400 points heading north about 1.1 m a second.
  folder = await makeSequenceFolder(dir, { name: 'North walk', track: { points: 400 } });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the preview of a row’s shaping', () => {
  it('samples evenly, first and last included', () => {
    expect(sampleIndices(5, 120)).toEqual([0, 1, 2, 3, 4]);
    const many = sampleIndices(1000, 5);
    expect(many).toEqual([0, 250, 500, 749, 999]);
  });

  it('flags the drawing points kept, gives the exact kept ends and a shorter distance', async () => {
    const whole = await shapePreview(folder, shapeOptionsSchema.parse({}));
    const trimmed = await shapePreview(folder, shapeOptionsSchema.parse({ trimStartM: 100 }));
    expect(whole.kept.every(Boolean)).toBe(true);
    expect(trimmed.points).toEqual(whole.points);
    expect(trimmed.kept[0]).toBe(false);
    expect(trimmed.kept[trimmed.kept.length - 1]).toBe(true);
    // Dropped points come first, then only kept ones: one contiguous range.
    const firstKept = trimmed.kept.indexOf(true);
    expect(trimmed.kept.slice(firstKept).every(Boolean)).toBe(true);
    expect(trimmed.keptStart?.[0]).toBeGreaterThan(whole.points[0]![0]);
    expect(trimmed.distanceM).toBeLessThan((whole.distanceM ?? 0) - 95);
    expect(trimmed.pointsAfter).toBeLessThan(trimmed.pointsBefore);
    expect(trimmed.notes.join(' ')).toMatch(
      /Trimming dropped \d+ points at the start and 0 points at the end/,
    );
  });

  it('says why nothing would be sent, with the whole track greyed out', async () => {
    const refused = await shapePreview(
      folder,
      shapeOptionsSchema.parse({ trimStartM: 1500, trimEndM: 1500 }),
    );
    expect(refused.refusal).toMatch(/nothing left after trimming 1,500 m from each end/);
    expect(refused.kept.some(Boolean)).toBe(false);
    expect(refused.distanceM).toBeUndefined();
  });
});
