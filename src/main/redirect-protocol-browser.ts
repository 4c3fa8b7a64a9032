import { UploadError } from '../core/errors/upload-error';
import type { AuthBrowser } from '../core/ports';
import type { ProtocolRedirectInbox } from './redirect-inbox';
import { defaultSignInTimeoutMs } from './redirect-wait';

/**
 * "Sign in with your browser" for MTPW: opens the authorize page in the system
 * browser, and waits for the OS to hand back the `app.mtp.desktop://` redirect
 * through the inbox. The wait starts before the browser opens, so a fast redirect is
 * never missed.
 */
export function createProtocolAuthBrowser(deps: {
  inbox: ProtocolRedirectInbox;
  openExternal: (url: string) => Promise<void>;
  timeoutMs?: number;
}): AuthBrowser {
  return {
    async open(url, target, signal) {
      const stop = new AbortController();
      const onAbort = () => stop.abort();
      if (signal?.aborted) stop.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const redirect = deps.inbox.waitFor(target, {
        timeoutMs: deps.timeoutMs ?? defaultSignInTimeoutMs,
        signal: stop.signal,
      });
      try {
        try {
          await deps.openExternal(url.href);
        } catch (error) {
          stop.abort();
          redirect.catch(() => undefined);
          // A refused address (sign-in-links.ts) says so itself; anything else is the browser.
          if (error instanceof UploadError) throw error;
          throw new UploadError(
            {
              kind: 'config',
              message: 'Your browser could not be opened. Try signing in inside the app instead.',
              retryable: false,
              detail: error instanceof Error ? error.message : String(error),
            },
            { cause: error },
          );
        }
        return await redirect;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
