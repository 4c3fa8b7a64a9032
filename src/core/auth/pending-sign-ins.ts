import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { systemClock, type Clock } from '../ports';
import { sameState } from './oauth-state';

/** How long a printed sign-in address may be answered: ten minutes. */
export const pendingSignInMs = 10 * 60_000;

/** At most this many sign-ins wait at once; older ones give way. */
const maxPending = 20;

const fileSchema = z.object({
  pending: z.array(z.object({ state: z.string().min(1).max(200), until: z.number() })),
});
type Pending = z.infer<typeof fileSchema>['pending'];

/**
 * The `state` values of sign-ins started but not yet answered, in a small file
 * (mode 0600) so that a second process can finish what a first one printed.
 * A state is good for one answer within ten minutes; an unknown, expired or
 * already used one is refused.
 */
export class PendingSignIns {
  constructor(
    private readonly path: string,
    private readonly clock: Clock = systemClock,
    private readonly ttlMs = pendingSignInMs,
  ) {}

  /** Remembers a freshly issued state. */
  add(state: string): void {
    const now = this.clock.now();
    this.write([...this.live(now), { state, until: now + this.ttlMs }].slice(-maxPending));
  }

  /** True when `state` was issued here and has not expired; it is forgotten either way. */
  take(state: string | null | undefined): boolean {
    const now = this.clock.now();
    const all = this.read();
    const found = all.find((p) => sameState(p.state, state));
    const rest = all.filter((p) => p !== found && p.until > now);
    if (found || rest.length !== all.length) this.write(rest);
    return found !== undefined && found.until > now;
  }

  private live(now: number): Pending {
    return this.read().filter((p) => p.until > now);
  }

  private read(): Pending {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.pending : [];
    } catch {
      // A damaged file holds nothing worth keeping: those sign-ins start again.
      return [];
    }
  }

  private write(pending: Pending): void {
    writeFileAtomic.sync(this.path, `${JSON.stringify({ pending })}\n`, { mode: 0o600 });
  }
}
