import { describe, expect, it } from 'vitest';
import { AppController } from '../../src/core/app/app-controller';

describe('a bug behind an IPC call', () => {
  it('answers internal and not retryable in words, and logs the stack only', async () => {
    const logged: Array<Record<string, unknown> | undefined> = [];
    const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
    const controller = new AppController({
      accounts: {} as never,
      queue: {
        snapshot: () => Promise.reject(bug),
        subscribe: () => () => undefined,
      } as never,
      previews: { subscribe: () => () => undefined } as never,
      settings: {} as never,
      shell: {} as never,
      grants: {} as never,
      activityUrl: (id) => id,
      logger: { info: () => undefined, warn: (_m, fields) => logged.push(fields) },
    });
    const result = await controller.handle('queue:get', {});
    expect(result).toEqual({
      ok: false,
      error: { kind: 'internal', message: expect.any(String), retryable: false },
    });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|reading 'items'/);
    expect(logged).toEqual([{ channel: 'queue:get', stack: bug.stack }]);
  });
});
