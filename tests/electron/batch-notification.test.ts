import { describe, expect, it } from 'vitest';
import { notifyBatchFinished, type BatchNotificationPort } from '../../src/main/batch-notification';

function rig(enabled = true) {
  const shown: { title: string; body: string; click: () => void }[] = [];
  let opened = 0;
  const port: BatchNotificationPort = {
    isSupported: () => true,
    enabled: () => enabled,
    openQueue: () => {
      opened += 1;
    },
    create: (options) => {
      const entry: { title: string; body: string; click: () => void } = {
        ...options,
        click: () => undefined,
      };
      return {
        on: (_event, listener) => {
          entry.click = listener;
        },
        show: () => {
          shown.push(entry);
        },
      };
    },
  };
  return { port, shown, opened: () => opened };
}

describe('batch notification', () => {
  it('says how many were uploaded when all are done', () => {
    const { port, shown } = rig();
    notifyBatchFinished(port, { done: 3, failed: 0 });
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'MTP Strava Uploader', body: '3 sequences uploaded.' },
    ]);
  });
  it('says how many need attention when some failed', () => {
    const { port, shown } = rig();
    notifyBatchFinished(port, { done: 1, failed: 2 });
    expect(shown[0]?.body).toBe('1 uploaded, 2 need attention.');
  });
  it('opens the Queue when clicked', () => {
    const { port, shown, opened } = rig();
    notifyBatchFinished(port, { done: 1, failed: 0 });
    shown[0]?.click();
    expect(opened()).toBe(1);
  });
  it('shows nothing when turned off', () => {
    const { port, shown } = rig(false);
    notifyBatchFinished(port, { done: 1, failed: 1 });
    expect(shown).toEqual([]);
  });
});
