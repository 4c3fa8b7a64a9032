import type { Channel, IpcResult, MtpApi, RequestOf, ResponseOf } from '../shared/ipc-contract';
import { withTime } from '../shared/timed-words';
import type { UploadErrorData } from '../shared/upload-error-data';
import { clockTime } from './common/clock-time';

/** What the user sees when the bridge itself is missing or broke (no main process answered). */
const noAnswer: UploadErrorData = {
  kind: 'server',
  message: 'The app did not answer. Please try again, or restart the app.',
  retryable: true,
};

/**
 * Calls one channel of `api` (the page's `window.mtp`); a missing or throwing bridge
 * becomes an error result, never a throw. An error's time (`retryAt`) is filled in
 * with `clockTime`.
 */
export async function callMtpWith<C extends Channel>(
  api: MtpApi | undefined,
  channel: C,
  request: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  try {
    // Each channel's function has exactly this signature (MtpApi is mapped from the contract).
    const send = api?.[channel] as (r: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
    const result = await send(request);
    if (!result) return { ok: false, error: noAnswer };
    // Core leaves a time slot in its words; this screen shows times in one format.
    return result.ok
      ? result
      : {
          ok: false,
          error: {
            ...result.error,
            message: withTime(result.error.message, result.error.retryAt, clockTime),
          },
        };
  } catch {
    return { ok: false, error: noAnswer };
  }
}
