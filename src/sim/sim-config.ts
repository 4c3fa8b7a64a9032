import { z } from 'zod';
import type { LimitPair } from './rate-limiter';

/** How `startSimulator` may be configured. */
export interface SimOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The Strava app's Client ID (default `'54321'`). */
  clientId?: string;
  /** The Strava app's Client Secret (default `'sim-client-secret'`). */
  clientSecret?: string;
  /** Skip the authorize pages and redirect at once (default false). */
  autoApprove?: boolean;
  /** How long, by the sim clock, an upload stays "still being processed" (default 1500). */
  processingDelayMs?: number;
  /** Rate limits as [15-minute, daily] pairs (default overall [200,2000], read [100,1000]). */
  rateLimits?: { overall?: LimitPair; read?: LimitPair };
  /** Return a new refresh token on every refresh and kill the old one (default true). */
  rotateRefreshTokens?: boolean;
  /** Seed of the PRNG behind probabilistic faults (default 1). */
  seed?: number;
  /** A fixed MTPW token that is always valid. */
  mtpwToken?: string;
  /** More Strava API apps the simulator knows (a user switching to an app of their own). */
  otherApps?: Array<{ clientId: string; clientSecret: string }>;
}

/** Which of the two duplicate messages Strava's poll answers with. */
export type DuplicateForm = 'text' | 'html' | 'alternate';

/** Settings that may change while the simulator runs (`sim.config`, `POST /__sim/config`). */
export interface MutableSimConfig {
  processingDelayMs: number;
  rateLimits: { overall: LimitPair; read: LimitPair };
  autoApprove: boolean;
  /** The app is `Inactive`: every Strava call answers 403. */
  inactive: boolean;
  /** The app's athlete cap is reached: Approve shows Strava's 403 page, no redirect. */
  athleteCap: boolean;
  rotateRefreshTokens: boolean;
  duplicateForm: DuplicateForm;
}

/** The settings fixed at start. */
export interface FixedSimConfig {
  port: number;
  clientId: string;
  clientSecret: string;
  /** Every app the simulator knows, Client ID → Client Secret (the default one included). */
  apps: ReadonlyMap<string, string>;
  seed: number;
  mtpwToken: string | undefined;
}

/** Builds the initial mutable config from the options, filling in the defaults. */
export function initialConfig(options: SimOptions): MutableSimConfig {
  return {
    processingDelayMs: options.processingDelayMs ?? 1500,
    rateLimits: {
      overall: options.rateLimits?.overall ?? [200, 2000],
      read: options.rateLimits?.read ?? [100, 1000],
    },
    autoApprove: options.autoApprove ?? false,
    inactive: false,
    athleteCap: false,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    duplicateForm: 'alternate',
  };
}

/** Builds the fixed config from the options, filling in the defaults. */
export function fixedConfig(options: SimOptions): FixedSimConfig {
  return {
    port: options.port ?? 0,
    clientId: options.clientId ?? '54321',
    clientSecret: options.clientSecret ?? 'sim-client-secret',
    apps: new Map([
      [options.clientId ?? '54321', options.clientSecret ?? 'sim-client-secret'],
      ...(options.otherApps ?? []).map((a) => [a.clientId, a.clientSecret] as const),
    ]),
    seed: options.seed ?? 1,
    mtpwToken: options.mtpwToken,
  };
}

const limitPair = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** Zod schema of a partial config update (`POST /__sim/config`). */
export const configPatchSchema = z
  .object({
    processingDelayMs: z.number().nonnegative(),
    rateLimits: z.object({ overall: limitPair, read: limitPair }).partial(),
    autoApprove: z.boolean(),
    inactive: z.boolean(),
    athleteCap: z.boolean(),
    rotateRefreshTokens: z.boolean(),
    duplicateForm: z.enum(['text', 'html', 'alternate']),
  })
  .partial()
  .strict();

/** A partial config update. */
export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** Applies a validated partial update to the live config object (mutating it in place). */
export function applyConfigPatch(config: MutableSimConfig, patch: ConfigPatch): void {
  const { rateLimits, ...rest } = patch;
  Object.assign(config, rest);
  if (rateLimits) {
    config.rateLimits = {
      overall: rateLimits.overall ?? config.rateLimits.overall,
      read: rateLimits.read ?? config.rateLimits.read,
    };
  }
}
