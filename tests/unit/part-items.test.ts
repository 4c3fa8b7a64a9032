import { describe, expect, it } from 'vitest';
import { mergedItemId, newMergedItem, queueEntries } from '../../src/core/pipeline/part-items';
import { itemId } from '../../src/core/pipeline/item-transitions';
import { queueItemSchema } from '../../src/core/pipeline/queue-item';

describe('queueEntries', () => {
  const folders = [
    '/seq/Ride_part_2',
    '/seq/Walk',
    '/seq/ride_PART_10',
    '/seq/Ride_part_1',
    '/other/Ride_part_3',
    '/seq/Swim_part_1',
  ];

  it('keeps every folder apart without --merge-parts', () => {
    expect(queueEntries(folders, false)).toEqual(folders.map((folder) => ({ folder })));
  });

  it('groups the parts of one base under one parent, in part order, where the first came', () => {
    expect(queueEntries(folders, true)).toEqual([
      {
        folder: '/seq/Ride_part_1',
        parts: ['/seq/Ride_part_1', '/seq/Ride_part_2', '/seq/ride_PART_10'],
      },
      { folder: '/seq/Walk' },
      // Another parent is another capture; a part alone is sent as it is.
      { folder: '/other/Ride_part_3' },
      { folder: '/seq/Swim_part_1' },
    ]);
  });

  it('counts a folder given twice once', () => {
    expect(queueEntries(['/s/A_part_1', '/s/A_part_2', '/s/A_part_1'], true)).toEqual([
      { folder: '/s/A_part_1', parts: ['/s/A_part_1', '/s/A_part_2'] },
    ]);
  });
});

describe('newMergedItem', () => {
  it('is named after the base, keeps its parts, and never shares an id with part 1 alone', () => {
    const parts = ['/s/Ride_part_1', '/s/Ride_part_2'];
    const item = newMergedItem(parts, true, 5);
    expect(item).toMatchObject({
      folder: '/s/Ride_part_1',
      name: 'Ride',
      createMtpw: true,
      parts: [{ folder: '/s/Ride_part_1' }, { folder: '/s/Ride_part_2' }],
    });
    expect(item.id).toBe(mergedItemId(parts));
    expect(item.id).not.toBe(itemId('/s/Ride_part_1'));
    expect(item.id).toMatch(/^[0-9a-f]{16}$/);
    // What the journal stores reads back whole.
    expect(queueItemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
  });
});
