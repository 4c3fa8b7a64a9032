import type { EventName, EventOf } from '../shared/ipc-contract';
import { onParsedEvent } from './parsed-events';

/**
 * Listens to one event main pushes, each payload checked against the contract; one
 * that does not parse goes to `onInvalid` (the queue then asks for a whole snapshot).
 * A missing bridge throws, like `window.mtp` itself.
 */
export function onMtpEvent<E extends EventName>(
  name: E,
  listener: (payload: EventOf<E>) => void,
  onInvalid: () => void = () => undefined,
): () => void {
  return onParsedEvent((n, l) => window.mtp.on(n, l), name, listener, onInvalid);
}
