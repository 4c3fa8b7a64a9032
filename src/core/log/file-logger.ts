import { mkdirSync } from 'node:fs';
import { pino } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { Logger } from '../ports';
import type { Redactor } from './redact';

/** Rotate at 5 MB and keep the three newest rotated files beside the current one (issue 16). */
export const logRotation = { size: '5M', maxFiles: 3 } as const;

/** Where and how one process writes its log. */
export interface FileLoggerOptions {
  /** The log folder (`<userData>/logs` in the app, `<MTP_STRAVA_HOME>/logs` in the CLI). */
  dir: string;
  /** The current file's base name without extension: `app` or `mtp-strava`. */
  name: string;
  /** Every line passes through it before it reaches the disk. */
  redactor: Redactor;
  /** rotating-file-stream's size (`5M`; tests pass a few hundred bytes: `300B`). */
  size?: string;
  maxFiles?: number;
  now?: () => number;
}

/** A Logger that can be flushed and closed (the CLI closes it before it exits). */
export interface FileLogger extends Logger {
  /** A failure the user has to act on (an item that stopped). */
  error(message: string, fields?: Record<string, unknown>): void;
  /** Flushes every line written so far and closes the file. */
  close(): Promise<void>;
}

const stamp = (time: Date) => time.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * The support log: pino's JSON lines, redacted, into a rotating-file-stream
 * destination. pino writes to the stream in this thread (no worker transport),
 * so it bundles and runs the same in Electron's main process and in the CLI.
 * Rotated files are named `<name>.<UTC time>-<n>.log`, the current one `<name>.log`.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const stream: RotatingFileStream = createStream(
    (time: Date | number | null, index?: number) =>
      time instanceof Date
        ? `${options.name}.${stamp(time)}-${index ?? 1}.log`
        : `${options.name}.log`,
    {
      path: options.dir,
      size: options.size ?? logRotation.size,
      maxFiles: options.maxFiles ?? logRotation.maxFiles,
      history: `${options.name}.history`,
      mode: 0o600,
    },
  );
  // A log that cannot be written must never take the app down with it.
  stream.on('error', () => undefined);
  const now = options.now ?? Date.now;
  const log = pino(
    {
      base: { pid: process.pid },
      messageKey: 'message',
      timestamp: () => `,"time":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => void stream.write(options.redactor.redact(line)) },
  );
  const at =
    (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
      fields ? log[level](fields, message) : log[level](message);
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    close: () =>
      new Promise<void>((resolve) => {
        if (stream.destroyed || stream.writableFinished) return resolve();
        stream.once('finish', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      }),
  };
}
