import { ActivityStore } from './activity-store';
import { createFaultPlan, type FaultPlan } from './fault-plan';
import { MtpwStore } from './mtpw-store';
import { RateLimiter } from './rate-limiter';
import { createSeededRandom, type RandomSource } from './seeded-random';
import type { SimClock } from './sim-clock';
import {
  fixedConfig,
  initialConfig,
  type FixedSimConfig,
  type MutableSimConfig,
  type SimOptions,
} from './sim-config';
import { StravaAthletes } from './strava-athletes';
import { StravaGrants } from './strava-grants';

/** The stores `reset()` replaces wholesale. */
interface Stores {
  grants: StravaGrants;
  athletes: StravaAthletes;
  store: ActivityStore;
  mtpw: MtpwStore;
}

/** Everything one simulator knows, shared by all its routes. */
export class SimState {
  readonly fixed: FixedSimConfig;
  readonly config: MutableSimConfig;
  readonly random: RandomSource;
  readonly faults: FaultPlan;
  readonly rateLimiter: RateLimiter;
  readonly requests = new Map<string, number>();
  /** Every accepted `POST /oauth/token` call: which app asked, for which grant (tests read it). */
  readonly tokenCalls: Array<{ clientId: string; grantType: string }> = [];
  /** 429s from the rate limiter itself (not injected by a fault plan). */
  rateLimitRefusals = 0;
  private stores: Stores;

  constructor(
    private readonly options: SimOptions,
    readonly clock: SimClock,
  ) {
    this.fixed = fixedConfig(options);
    this.config = initialConfig(options);
    this.random = createSeededRandom(this.fixed.seed);
    this.faults = createFaultPlan(this.random);
    this.rateLimiter = new RateLimiter(() => this.config.rateLimits);
    this.stores = this.createStores();
  }

  /** Strava's codes, grants and tokens. */
  get grants(): StravaGrants {
    return this.stores.grants;
  }

  /** Strava's athletes. */
  get athletes(): StravaAthletes {
    return this.stores.athletes;
  }

  /** Strava's uploads and activities. */
  get store(): ActivityStore {
    return this.stores.store;
  }

  /** MTPW's sequences and tokens. */
  get mtpw(): MtpwStore {
    return this.stores.mtpw;
  }

  /** The current sim time in epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** Counts one request under its endpoint key, before anything can reject it. */
  countRequest(key: string): void {
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  /**
   * Forgets everything (tokens, uploads, activities, sequences, counts, usage, faults)
   * and restores the config given at start. The clock is left alone: time does not
   * go back, and ids start again from their first values.
   */
  reset(): void {
    this.faults.clear();
    this.rateLimiter.reset();
    this.requests.clear();
    this.rateLimitRefusals = 0;
    Object.assign(this.config, initialConfig(this.options));
    this.stores = this.createStores();
  }

  private createStores(): Stores {
    const now = () => this.clock.now();
    return {
      grants: new StravaGrants(now),
      athletes: new StravaAthletes(now),
      store: new ActivityStore(now, () => this.config, this.random),
      mtpw: new MtpwStore(this.fixed.mtpwToken),
    };
  }
}
