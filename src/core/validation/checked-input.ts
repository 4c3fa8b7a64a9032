import type { z } from 'zod';
import { UploadError } from '../errors/upload-error';

/** Validates a caller's argument, turning a bad one into a typed `invalid-input` error. */
export function checkedInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UploadError({
    kind: 'invalid-input',
    message: `${what} is not valid.`,
    retryable: false,
    detail: parsed.error.issues
      .map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`)
      .join('; '),
  });
}
