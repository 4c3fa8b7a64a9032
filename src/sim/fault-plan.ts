import { z } from 'zod';
import type { RandomSource } from './seeded-random';

/** The faults the simulator can inject in front of (or inside) an endpoint. */
export type SimFault =
  /** Any 4xx/5xx; 500, 502 and 503 are the usual ones (404 mimics a retired endpoint). */
  | { type: 'status'; status: number }
  | { type: 'drop'; when?: 'before' | 'after' }
  /** Holds the request `ms`, then closes it unanswered; `after` runs the route first (the upload exists). */
  | { type: 'stall'; ms?: number; when?: 'before' | 'after' }
  | { type: 'rate-limit' }
  | { type: 'expire-token' }
  | { type: 'duplicate'; at?: 'post' | 'poll' };

/** How often a fault applies: `times` (default 1, or Infinity with a probability). */
export interface FaultOptions {
  times?: number;
  probability?: number;
}

/** One planned fault, as `state()` and `GET /__sim/state` show it. */
export interface PlannedFault {
  endpoint: string;
  fault: SimFault;
  remaining: number | 'Infinity';
  probability?: number;
}

/** Faults to inject per endpoint key (`"POST /api/v3/uploads"`, or `"*"` for all). */
export interface FaultPlan {
  /** Plans `fault` for `endpointKey`, applied to the next `times` matching requests. */
  add(endpointKey: string, fault: SimFault, opts?: FaultOptions): void;
  /** Forgets every planned fault. */
  clear(): void;
  /** The faults still planned. */
  list(): PlannedFault[];
  /** Takes the fault that applies to this request, if any, consuming one use of it. */
  take(endpointKey: string): SimFault | undefined;
}

/** Zod schema of a fault, for the `/__sim/faults` control endpoint. */
export const simFaultSchema: z.ZodType<SimFault> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.number().int().min(400).max(599) }),
  z.object({ type: z.literal('drop'), when: z.enum(['before', 'after']).optional() }),
  z.object({
    type: z.literal('stall'),
    ms: z.number().int().nonnegative().optional(),
    when: z.enum(['before', 'after']).optional(),
  }),
  z.object({ type: z.literal('rate-limit') }),
  z.object({ type: z.literal('expire-token') }),
  z.object({ type: z.literal('duplicate'), at: z.enum(['post', 'poll']).optional() }),
]);

interface Entry {
  endpoint: string;
  fault: SimFault;
  remaining: number;
  probability: number | undefined;
}

/**
 * Creates a fault plan. Entries are tried in the order they were added; a
 * probabilistic entry that does not fire lets the next matching entry try.
 */
export function createFaultPlan(random: RandomSource): FaultPlan {
  let entries: Entry[] = [];
  return {
    add(endpointKey, fault, opts = {}) {
      const parsed = simFaultSchema.parse(fault);
      const probability = opts.probability;
      if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
        throw new RangeError('probability must be between 0 and 1');
      }
      const times = opts.times ?? (probability === undefined ? 1 : Infinity);
      if (!(times > 0)) throw new RangeError('times must be positive');
      entries.push({ endpoint: endpointKey, fault: parsed, remaining: times, probability });
    },
    clear() {
      entries = [];
    },
    list() {
      return entries.map((e) => ({
        endpoint: e.endpoint,
        fault: e.fault,
        remaining: Number.isFinite(e.remaining) ? e.remaining : 'Infinity',
        ...(e.probability === undefined ? {} : { probability: e.probability }),
      }));
    },
    take(endpointKey) {
      for (const entry of entries) {
        if (entry.endpoint !== endpointKey && entry.endpoint !== '*') continue;
        if (entry.probability !== undefined && random() >= entry.probability) continue;
        entry.remaining -= 1;
        if (entry.remaining <= 0) entries = entries.filter((e) => e !== entry);
        return entry.fault;
      }
      return undefined;
    },
  };
}
