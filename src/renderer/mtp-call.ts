import type { Channel, IpcResult, RequestOf, ResponseOf } from '../shared/ipc-contract';
import { callMtpWith } from './mtp-call-with';

/** Calls one channel of `window.mtp`; never throws (see callMtpWith). */
export function callMtp<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  return callMtpWith(window.mtp, channel, request);
}
