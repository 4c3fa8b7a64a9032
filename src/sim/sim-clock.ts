/** The simulator's notion of "now", which tests move instead of waiting. */
export interface SimClock {
  /** Current simulated time in epoch milliseconds. */
  now(): number;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Jumps the clock to `epochMs`; real time keeps flowing from there. */
  set(epochMs: number): void;
}

/**
 * Creates a clock that follows real time plus an offset.
 * Real time keeps flowing so a client that polls once a second still sees an upload
 * finish without a test touching the clock; tests that need a jump call `advance`.
 */
export function createSimClock(): SimClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(ms: number) {
      offsetMs += ms;
    },
    set(epochMs: number) {
      offsetMs = epochMs - Date.now();
    },
  };
}
