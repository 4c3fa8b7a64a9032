import { ipcContract, type IpcResult } from './ipc-contract';
import { uploadErrorDataSchema } from './upload-error-data';

/** An error as it may leave the app: the words, never the technical detail. */
const outgoingError = uploadErrorDataSchema.omit({ detail: true });

const unexpectedAnswer: IpcResult<never> = {
  ok: false,
  error: {
    kind: 'internal',
    message: 'Something unexpected went wrong.',
    retryable: false,
  },
};

/**
 * Parses an answer with its channel's response schema before it leaves main (or the
 * loopback bridge). zod objects strip unknown keys, so a field no schema names (a
 * token a handler let slip) never crosses; an answer that does not fit is refused
 * whole. `onMismatch` hears why, for the log only.
 */
export function filterIpcResponse(
  channel: string,
  result: IpcResult<unknown>,
  onMismatch?: (why: string) => void,
): IpcResult<unknown> {
  if (!result.ok) {
    const error = outgoingError.safeParse(result.error);
    if (error.success) return { ok: false, error: error.data };
    onMismatch?.(`${channel}: an error that does not fit the contract`);
    return unexpectedAnswer;
  }
  if (!Object.hasOwn(ipcContract, channel)) {
    onMismatch?.(`${channel.slice(0, 80)}: not a channel of the contract`);
    return unexpectedAnswer;
  }
  const schema = ipcContract[channel as keyof typeof ipcContract].response;
  const value = schema.safeParse(result.value);
  if (value.success) return { ok: true, value: value.data };
  onMismatch?.(
    `${channel}: ${value.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`.slice(
      0,
      500,
    ),
  );
  return unexpectedAnswer;
}
