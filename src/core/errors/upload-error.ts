import type { ErrorKind, UploadErrorData } from '../../shared/upload-error-data';

export { errorKinds, type ErrorKind, type UploadErrorData } from '../../shared/upload-error-data';

/**
 * The one error type of the app: a `kind` the UI can switch on, a message a person
 * understands, and whether retrying can help. Thrown by core, shown by the UI.
 */
export class UploadError extends Error implements UploadErrorData {
  override readonly name = 'UploadError';
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAt?: number;
  readonly detail?: string;
  readonly fields?: Record<string, string>;

  constructor(data: UploadErrorData, options?: { cause?: unknown }) {
    super(data.message, options);
    this.kind = data.kind;
    this.retryable = data.retryable;
    if (data.status !== undefined) this.status = data.status;
    if (data.retryAt !== undefined) this.retryAt = data.retryAt;
    if (data.detail !== undefined) this.detail = data.detail;
    if (data.fields !== undefined) this.fields = data.fields;
  }

  /** The plain-data form, without the stack or cause. */
  toJSON(): UploadErrorData {
    const data: UploadErrorData = {
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) data.status = this.status;
    if (this.retryAt !== undefined) data.retryAt = this.retryAt;
    if (this.detail !== undefined) data.detail = this.detail;
    if (this.fields !== undefined) data.fields = this.fields;
    return data;
  }
}

/** True for UploadError instances (and only those). */
export function isUploadError(value: unknown): value is UploadError {
  return value instanceof UploadError;
}

/** Wraps anything thrown into an UploadError, keeping UploadErrors as they are. */
export function toUploadError(
  value: unknown,
  fallback: Omit<UploadErrorData, 'detail'>,
): UploadError {
  if (value instanceof UploadError) return value;
  // One line is enough for a bug report; more could carry a stack or a dump.
  const detail =
    (value instanceof Error ? value.message : String(value)).split('\n')[0]?.slice(0, 500) ?? '';
  return new UploadError({ ...fallback, detail }, { cause: value });
}
