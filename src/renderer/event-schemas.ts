import { z } from 'zod';
import { ipcEvents, type EventName, type EventOf } from '../shared/ipc-contract';

// The page's CSP forbids eval: zod must not even try its compiled fast path.
z.config({ jitless: true });

/** A pushed payload checked against the contract's schema for its event. */
export function parseEvent<E extends EventName>(
  name: E,
  raw: unknown,
): { ok: true; payload: EventOf<E> } | { ok: false } {
  const schema = ipcEvents[name] as unknown as z.ZodType<EventOf<E>>;
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false };
}
