import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/core/log/file-logger';
import { Redactor } from '../../src/core/log/redact';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const logFiles = async (folder: string) =>
  (await readdir(folder)).filter((name) => name.endsWith('.log')).sort();

describe('the rotating, redacting file logger', () => {
  it('writes one JSON line per call with time, level, message and fields', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-log-'));
    const logger = createFileLogger({
      dir,
      name: 'mtp-strava',
      redactor: new Redactor(),
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    logger.info('item: stage', { sequence: 'Bay paddle', to: 'uploading' });
    logger.error('item: failed', { status: 503 });
    await logger.close();
    const lines = (await readFile(join(dir, 'mtp-strava.log'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      {
        level: 'info',
        time: '2026-01-02T03:04:05.000Z',
        pid: process.pid,
        message: 'item: stage',
        sequence: 'Bay paddle',
        to: 'uploading',
      },
      {
        level: 'error',
        time: '2026-01-02T03:04:05.000Z',
        pid: process.pid,
        message: 'item: failed',
        status: 503,
      },
    ]);
  });

  it('masks remembered secrets and credential-shaped values in every line', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-log-'));
    const redactor = new Redactor();
    redactor.remember('refresh-0123456789abcdef');
    const logger = createFileLogger({ dir, name: 'app', redactor });
    logger.warn('careless', { note: 'had refresh-0123456789abcdef in it' });
    logger.info('request', { header: 'Authorization: Bearer tok.en-42', body: 'code=9876&x=1' });
    await logger.close();
    const text = await readFile(join(dir, 'app.log'), 'utf8');
    expect(text).not.toContain('refresh-0123456789abcdef');
    expect(text).not.toContain('tok.en-42');
    expect(text).not.toContain('9876');
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('x=1');
  });

  it('rotates at the given size and keeps only the newest rotated files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-log-'));
    const logger = createFileLogger({
      dir,
      name: 'mtp-strava',
      redactor: new Redactor(),
      size: '1K',
      maxFiles: 2,
    });
    // About 120 bytes a line: 60 lines are several times the 1 KiB limit.
    for (let i = 0; i < 60; i++) logger.info('line', { i, pad: 'x'.repeat(40) });
    await logger.close();
    const files = await logFiles(dir);
    expect(files).toContain('mtp-strava.log');
    const rotated = files.filter((f) => f !== 'mtp-strava.log');
    expect(rotated).toHaveLength(2);
    for (const f of rotated) expect(f).toMatch(/^mtp-strava\.\d{8}T\d{6}-\d+\.log$/);
    // Every file stays near the limit (a line may straddle it), and whole lines only.
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      expect(text.length).toBeLessThan(1024 + 200);
      for (const line of text.trim().split('\n'))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    // The newest lines are kept, the oldest dropped with the oldest file.
    const all = (await Promise.all(files.map((f) => readFile(join(dir!, f), 'utf8')))).join('');
    expect(all).toContain('"i":59');
    expect(all).not.toContain('"i":0,');
  });
});
