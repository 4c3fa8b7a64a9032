import type { Channel, IpcResult, RequestOf, ResponseOf } from '../shared/ipc-contract';
import type { UploadErrorData } from '../shared/upload-error-data';

/** What the user sees when the bridge itself is missing or broke (no main process answered). */
const noAnswer: UploadErrorData = {
  kind: 'server',
  message: 'The app did not answer. Please try again, or restart the app.',
  retryable: true,
};

/** Calls one channel of `window.mtp`; a missing or throwing bridge becomes an error result, never a throw. */
export async function callMtp<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  try {
    // Each channel's function has exactly this signature (MtpApi is mapped from the contract).
    const send = window.mtp[channel] as (r: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
    const result = await send(request);
    return result ?? { ok: false, error: noAnswer };
  } catch {
    return { ok: false, error: noAnswer };
  }
}
