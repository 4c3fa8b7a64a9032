import { describe, expect, it } from 'vitest';
import { unreadableFile } from '../../src/core/sequence/gpx/gpx-errors';

const fsError = (code: string) =>
  Object.assign(new Error(`${code}: failed, open '/x/walk.gpx'`), { code });

describe('unreadableFile', () => {
  it.each([
    ['ENOENT', '"walk.gpx" was not found.'],
    ['EISDIR', '"walk.gpx" is a folder, not a GPX file.'],
    ['EACCES', '"walk.gpx" cannot be read: permission denied.'],
    ['EPERM', '"walk.gpx" cannot be read: permission denied.'],
    ['EIO', '"walk.gpx" cannot be read.'],
  ])('says %s in words, keeping the raw error in the detail', (code, message) => {
    const error = unreadableFile('/x/walk.gpx', fsError(code));
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false, message });
    expect(error.detail).toContain(code);
    expect(error.detail).toContain('/x/walk.gpx');
  });

  it('turns an abort into a cancellation', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(unreadableFile('/x/walk.gpx', abort).kind).toBe('cancelled');
  });
});
