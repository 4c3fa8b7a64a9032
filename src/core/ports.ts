/**
 * What core needs from the outside world. Electron (src/main) and the terminal
 * (src/cli) each provide their own implementations; tests use in-memory ones.
 */

/** Secret storage (the OS keychain in the app); values never leave main/core. */
export interface SecretStore {
  /** The stored value, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Stores or replaces a value. Must be durable when the promise resolves. */
  set(account: string, value: string): Promise<void>;
  /** Removes a value; resolves true when something was removed. */
  delete(account: string): Promise<boolean>;
  /** Every account name this app holds. */
  accounts(): Promise<string[]>;
}

/** Durable non-secret state: small settings (the pipeline journal has a file of its own). */
export interface StateStore {
  /** The stored value (untrusted: callers parse it), or undefined. */
  get(key: string): unknown;
  /** Stores a JSON-serialisable value, durably and atomically. */
  set(key: string, value: unknown): void;
  /** Removes a key. */
  delete(key: string): void;
}

/** Wall-clock time, replaceable in tests. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** Where a sign-in is expected to land. */
export interface RedirectTarget {
  /** True when a URL the browser is about to load is the redirect we wait for. */
  matches(url: URL): boolean;
}

/** Opens a sign-in page and resolves with the redirect URL it caught. */
export interface AuthBrowser {
  /** Rejects with an UploadError of kind `cancelled` or `timeout` when no redirect comes. */
  open(url: URL, target: RedirectTarget, signal?: AbortSignal): Promise<URL>;
}

/** Structured, redacted log lines; never carries secrets (see log/redact.ts). */
export interface Logger {
  /** Something worth knowing when reading a support log. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something went wrong but was handled. */
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A logger that drops everything, for callers that do not log. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
