import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core/ports';
import { wakeQueueOnResume } from '../../src/main/power-resume';

describe('when the computer wakes from sleep', () => {
  it('wakes the queue, so every timer is worked out again from the clock', () => {
    const power = new EventEmitter();
    const queue = { wake: vi.fn() };
    wakeQueueOnResume(power, queue, silentLogger);
    expect(queue.wake).not.toHaveBeenCalled();
    power.emit('resume');
    expect(queue.wake).toHaveBeenCalledTimes(1);
  });
});
