import type { EventName, EventOf, MtpApi } from '../shared/ipc-contract';
import type * as EventSchemas from './event-schemas';

type Schemas = typeof EventSchemas;
let schemas: Promise<Schemas> | undefined;
/**
 * The schemas (zod and the contract) load in a chunk of their own once something
 * listens: in the entry chunk they would double the JavaScript the window needs
 * before it first draws.
 */
const loadSchemas = () => (schemas ??= import('./event-schemas'));

/**
 * Listens to one pushed event through `on` (window.mtp.on), each payload parsed with
 * the contract's schema first: a push crosses a trust boundary like a call does. A
 * payload that does not parse goes to `onInvalid` instead. Payloads are handed on in
 * the order they came, and none after the returned function is called.
 */
export function onParsedEvent<E extends EventName>(
  on: MtpApi['on'],
  name: E,
  listener: (payload: EventOf<E>) => void,
  onInvalid: () => void,
): () => void {
  // Loading starts with the subscription (at the app's start), not with the first push.
  void loadSchemas();
  let live = true;
  let last: Promise<void> = Promise.resolve();
  const stop = on(name, (raw) => {
    last = last.then(async () => {
      const { parseEvent } = await loadSchemas();
      if (!live) return;
      const parsed = parseEvent(name, raw);
      if (parsed.ok) listener(parsed.payload);
      else onInvalid();
    });
  });
  return () => {
    live = false;
    stop();
  };
}
