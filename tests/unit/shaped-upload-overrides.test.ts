import { describe, expect, it } from 'vitest';
import { toQueueItemView } from '../../src/core/app/queue-item-view';
import { uploadSource } from '../../src/core/pipeline/shaped-upload';
import { queueItemSchema } from '../../src/core/pipeline/queue-item';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';

/** An item read from its folder, with the shaping given; nothing here changes the track. */
const item = (shape: Record<string, unknown> | undefined) => ({
  ...queueItemSchema.parse({
    id: '0123456789abcdef',
    folder: '/seq/Bay paddle',
    name: 'Bay paddle',
    description: 'Calm morning',
    stage: 'uploading',
    attempts: 0,
    createMtpw: false,
    mtpwSynced: false,
    addedAt: 0,
    updatedAt: 0,
    trackStart: '2021-05-01T08:00:00Z',
    ...(shape ? { shape: shapeOptionsSchema.parse(shape) } : {}),
  }),
  gpxPath: '/seq/Bay paddle/Bay paddle.gpx',
});

describe('what the upload POST says of an item', () => {
  it("sends the sequence's own name and description without overrides", async () => {
    const source = await uploadSource(item(undefined), '/work', 0);
    expect(source).toMatchObject({ name: 'Bay paddle', description: 'Calm morning' });
  });

  it('sends the Edit panel’s literal name (over a template) and description', async () => {
    const source = await uploadSource(
      item({ name: 'Sunrise {date}', nameTemplate: '{name} {date}', description: 'New words' }),
      '/work',
      0,
    );
    expect(source.name).toBe('Sunrise {date}');
    expect(source.description).toBe('New words');
    expect(source.shaped).toBe(false);
  });

  it('sends no description when the override is empty', async () => {
    const source = await uploadSource(item({ description: '' }), '/work', 0);
    expect(source.description).toBeUndefined();
  });
});

describe('the Queue row of an item', () => {
  it('shows the name given in the Edit panel, the one Strava shows', () => {
    const url = (id: string) => `https://www.strava.com/activities/${id}`;
    expect(toQueueItemView(item({ name: 'Sunrise paddle' }), url).name).toBe('Sunrise paddle');
    expect(toQueueItemView(item(undefined), url).name).toBe('Bay paddle');
  });
});
