/** Bounds and start of the learned wait. */
export interface LearnerOptions {
  /** Never wait less than this before the first check (Strava: at most one poll a second). */
  minMs: number;
  /** Never wait more than this before the first check. */
  maxMs: number;
  /** The wait before anything is learned. */
  initialMs: number;
  /** Share of uploads that should be processed by the first check (default 0.9). */
  quantile?: number;
}

/** A check this close to the learned wait counts as a check at it (timers run a little late). */
const slackMs = 50;

/**
 * Learns how long to wait after an upload before asking Strava whether it is
 * processed, so that one check is enough for most uploads: a high percentile
 * (90% by default) of recent processing times, kept between `minMs` and `maxMs`.
 *
 * Strava's answer only says whether processing ended before the check, never how
 * long it took, so the percentile is tracked from those answers directly (a
 * stochastic quantile estimate): an upload not ready at its first check doubles the
 * wait, one ready shrinks it by the factor that balances the two at the wanted
 * share. A rise in processing times is followed within an upload or two (a slow
 * batch does not cost a poll burst per upload), a fall within a few dozen. Only an
 * upload's first check counts, and only when it happened at about the learned
 * wait: a late one proves nothing either way.
 */
export class ProcessingTimeLearner {
  private waitMs: number;
  private readonly shrink: number;

  /** The learner the pipeline uses: from `pollStartMs` (starting at twice that: Strava gives its mean as under 2 s) up to `firstCheckMaxMs`. */
  static forOptions(options: {
    pollStartMs: number;
    firstCheckMaxMs: number;
  }): ProcessingTimeLearner {
    return new ProcessingTimeLearner({
      minMs: options.pollStartMs,
      maxMs: Math.max(options.pollStartMs, options.firstCheckMaxMs),
      initialMs: 2 * options.pollStartMs,
    });
  }

  constructor(private readonly options: LearnerOptions) {
    const quantile = options.quantile ?? 0.9;
    // Growth ×2 on a miss and ×shrink on a hit are in balance when misses are (1 - quantile) of the checks.
    this.shrink = 2 ** (-(1 - quantile) / quantile);
    this.waitMs = this.bounded(options.initialMs);
  }

  /** How long after the upload was answered to check it first. */
  firstWait(): number {
    return this.waitMs;
  }

  /**
   * Takes in the first check of an upload: `elapsedMs` after it was answered, Strava
   * had (`ready`) or had not finished processing it.
   */
  observe(elapsedMs: number, ready: boolean): void {
    const wait = this.waitMs;
    if (ready && elapsedMs <= wait * 1.1 + slackMs) this.waitMs = this.bounded(wait * this.shrink);
    else if (!ready && elapsedMs >= wait * 0.9 && elapsedMs <= wait * 2 + slackMs)
      this.waitMs = this.bounded(Math.max(wait, elapsedMs) * 2);
  }

  private bounded(ms: number): number {
    return Math.min(this.options.maxMs, Math.max(this.options.minMs, ms));
  }
}
