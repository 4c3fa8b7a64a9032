import { afterEach, describe, expect, it, vi } from 'vitest';
import { onParsedEvent } from '../../src/renderer/parsed-events';
import type { EventName, EventOf } from '../../src/shared/ipc-contract';

const pushed = new Map<string, (payload: unknown) => void>();
/** What window.mtp.on does, minus the IPC: keeps the listener so the test can push. */
const on = (name: string, listener: (payload: unknown) => void) => {
  pushed.set(name, listener);
  return () => {
    pushed.delete(name);
  };
};
const onMtpEvent = <E extends EventName>(
  name: E,
  listener: (payload: EventOf<E>) => void,
  onInvalid: () => void,
) => onParsedEvent(on, name, listener, onInvalid);
afterEach(() => pushed.clear());

describe('the renderer-side parse of pushed events', () => {
  it('passes a queue delta that matches the contract, and reports one that does not', async () => {
    const heard: unknown[] = [];
    let invalid = 0;
    const stop = onMtpEvent(
      'queue:changed',
      (delta) => heard.push(delta.seq),
      () => (invalid += 1),
    );
    const push = pushed.get('queue:changed')!;
    push({ seq: 2, changed: [], removed: ['00000000000000ab'] });
    push({ seq: 0, changed: [], removed: [] });
    push({ seq: 3, changed: [{ id: 'not ours' }], removed: [] });
    push({ items: [] });
    push('<img onerror=alert(1)>');
    await vi.waitFor(() => expect(invalid).toBe(4));
    expect(heard).toEqual([2]);
    stop();
    expect(pushed.has('queue:changed')).toBe(false);
  });

  it('checks folder previews too, in the order they came, and none after unsubscribing', async () => {
    const heard: number[] = [];
    let invalid = 0;
    const stop = onMtpEvent(
      'folders:previewed',
      (e) => heard.push(e.remaining),
      () => (invalid += 1),
    );
    const push = pushed.get('folders:previewed')!;
    push({ requestId: 'abcdefgh12', previews: [], remaining: 3, done: false });
    push({ requestId: '../x', previews: [], remaining: 0, done: true });
    push({ requestId: 'abcdefgh12', previews: [{ folder: 1 }], remaining: 0, done: true });
    push({ requestId: 'abcdefgh12', previews: [], remaining: 1, done: false });
    await vi.waitFor(() => expect(heard).toEqual([3, 1]));
    expect(invalid).toBe(2);
    stop();
    push({ requestId: 'abcdefgh12', previews: [], remaining: 0, done: true });
    await new Promise((done) => setTimeout(done, 20));
    expect(heard).toEqual([3, 1]);
  });
});
