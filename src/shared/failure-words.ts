// Once an item has failed, nothing retries it by itself, so the retry promise in its message is untrue.
const RETRY_PROMISE = /\s*(?:[;.]\s*)?\b(?:it|this) will be tried again\.?/gi;

/** Removes the "it will be tried again" promise from a message, keeping the reason and ending with a full stop. */
export function withoutRetryPromise(message: string): string {
  const stripped = message.replace(RETRY_PROMISE, '').trim();
  if (stripped === '') return stripped;
  return /[.!?]$/.test(stripped) ? stripped : `${stripped}.`;
}
