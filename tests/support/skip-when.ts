import { describe, it } from 'vitest';

/**
 * Why a test may not run on some machine. A skipped test carries its reason in its
 * title, as `[skipped: <reason>]`, so the test summary (scripts/test-report) can
 * print it and, in CI, refuse every reason that is not on tests/skip-allow-list.json.
 */
export const skipReasons = {
  electronBinary: "Electron's binary is not installed",
  shared: '../shared is absent',
  keyring: 'no unlocked keychain: run it through `npm test`',
  chromium: '/usr/bin/chromium is missing: `npm test` installs it',
} as const;
export type SkipReason = (typeof skipReasons)[keyof typeof skipReasons];

/** The title a skipped test gets, which names its reason. */
export const skippedTitle = (title: string, reason: SkipReason): string =>
  `${title} [skipped: ${reason}]`;

/** A `describe` that runs when `ready`, and otherwise skips saying why. */
export function describeWhen(
  ready: boolean,
  reason: SkipReason,
): (title: string, body: () => void) => void {
  return (title, body) =>
    ready ? describe(title, body) : describe.skip(skippedTitle(title, reason), body);
}

/** An `it` that runs when `ready`, and otherwise skips saying why. */
export function itWhen(
  ready: boolean,
  reason: SkipReason,
): (title: string, body: () => Promise<void> | void, timeout?: number) => void {
  return (title, body, timeout) =>
    ready ? it(title, body, timeout) : it.skip(skippedTitle(title, reason), body, timeout);
}
