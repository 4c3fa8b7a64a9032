import type { RedirectTarget } from '../core/ports';
import { matchRedirect } from './redirect-matcher';
import { browserTimeoutMessage } from './redirect-timeout-message';
import { createRedirectWait, type RedirectWait } from './redirect-wait';

/** Where URLs the OS hands to the app (open-url, second-instance) meet the sign-in waiting for them. */
export interface ProtocolRedirectInbox {
  /** Gives a URL to the oldest pending sign-in it matches; false (and forgotten) when none does. */
  deliver(rawUrl: string): boolean;
  /** Waits for the first delivered URL the target matches; rejects on timeout or abort. */
  waitFor(
    target: RedirectTarget,
    options: { timeoutMs: number; signal?: AbortSignal | undefined },
  ): Promise<URL>;
}

/**
 * Creates the inbox. Nothing is ever stored: any program can launch
 * `app.mtp.desktop://…`, so a URL that arrives while no sign-in waits is dropped, and
 * one that does arrive is still checked for `state` by the caller.
 */
export function createProtocolRedirectInbox(): ProtocolRedirectInbox {
  const pending: Array<{ target: RedirectTarget; wait: RedirectWait }> = [];
  return {
    deliver(rawUrl) {
      for (const entry of pending) {
        const redirect = matchRedirect(entry.target, rawUrl);
        if (redirect) {
          entry.wait.resolve(redirect);
          return true;
        }
      }
      return false;
    },
    waitFor(target, { timeoutMs, signal }) {
      // An already-aborted signal settles the wait while it is being created (so
      // `wait` is still unset in onSettled then): it is only listed while pending.
      let wait: RedirectWait | undefined = undefined;
      wait = createRedirectWait({
        timeoutMs,
        timeoutMessage: browserTimeoutMessage(timeoutMs),
        signal,
        onSettled: () => {
          const index = pending.findIndex((entry) => entry.wait === wait);
          if (index >= 0) pending.splice(index, 1);
        },
      });
      if (!wait.settled) pending.push({ target, wait });
      return wait.promise;
    },
  };
}
