import { FolderIoThread } from '../core/folder-io/folder-io-thread';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withEnvFile } from '../core/config/env-file';
import { readSettings, type Settings } from '../core/config/settings';
import { createHttpClient } from '../core/http/http-client';
import { createFileLogger } from '../core/log/file-logger';
import { logItemTransitions } from '../core/log/item-transition-log';
import { Redactor } from '../core/log/redact';
import { MtpwClient } from '../core/mtpw/mtpw-client';
import { MtpwTokenStore } from '../core/mtpw/mtpw-token-store';
import { Journal } from '../core/pipeline/journal';
import { Pipeline } from '../core/pipeline/pipeline';
import { defaultPipelineOptions } from '../core/pipeline/pipeline-options';
import { systemClock, type Logger, type SecretStore, type StateStore } from '../core/ports';
import { createKeytarSecretStore, keychainService } from '../core/secrets/keytar-secret-store';
import { createJsonFileStateStore } from '../core/state/json-file-state-store';
import { effectiveSettings } from '../core/settings/effective-settings';
import { UserSettingsStore } from '../core/settings/user-settings-store';
import { createStravaClients, type StravaClients } from '../core/strava/strava-clients';

/** Everything a command may need, built lazily so `--help` needs no keychain. */
export interface CliServices {
  settings: Settings;
  home: string;
  /** `<home>/logs`: the rotated support log. */
  logDir: string;
  /** Knows every secret this process has seen: whatever leaves the machine passes it. */
  redactor: Redactor;
  secrets: SecretStore;
  state: StateStore;
  strava(): StravaClients;
  mtpw(): MtpwClient;
  mtpwTokens: MtpwTokenStore;
  /** The redacted log file: every secret below is registered with its Redactor as soon as it is known. */
  logger: Logger;
  pipeline(options?: { concurrency?: number }): Pipeline;
  /** Where a Strava activity can be seen. */
  activityUrl: (id: string) => string;
}

/**
 * Wires the core for the terminal: settings from the environment and `.env`,
 * tokens in the OS keychain, settings in a JSON file and the journal in
 * `journal.jsonl` under MTP_STRAVA_HOME (default ~/.mtp-strava-uploader), and a
 * redacted log file beside them.
 */
export function createCliServices(processEnv: NodeJS.ProcessEnv = process.env): CliServices {
  // `.env` is read into these settings only: `open` and the browser inherit process.env.
  const env = withEnvFile('.env', processEnv);
  const envSettings = readSettings(env);
  const home = env.MTP_STRAVA_HOME ?? join(homedir(), '.mtp-strava-uploader');
  mkdirSync(join(home, 'work'), { recursive: true });
  const secrets = createKeytarSecretStore(env.MTP_STRAVA_KEYCHAIN_SERVICE ?? keychainService);
  const state = createJsonFileStateStore(home);
  const redactor = new Redactor();
  const onSecret = (secret: string) => redactor.remember(secret);
  redactor.remember(envSettings.strava.clientSecret);
  const logDir = join(home, 'logs');
  const logger = createFileLogger({ dir: logDir, name: 'mtp-strava', redactor });
  // The app's Settings, stored in this state folder, win over `.env` (hosts, MTPW client id,
  // concurrency); the Strava app stays `.env`'s, whose secret is not in the keychain.
  // Loopback http hosts only for a development run (MTP_STRAVA_DEVELOPMENT=1).
  const { stravaClientId: _appOnly, ...user } = new UserSettingsStore(state, {
    development: env.MTP_STRAVA_DEVELOPMENT === '1',
    logger,
  }).read();
  const settings = effectiveSettings(envSettings, user);
  const timeoutMs =
    env.MTP_STRAVA_TIMEOUT_MS && /^\d+$/.test(env.MTP_STRAVA_TIMEOUT_MS)
      ? Number(env.MTP_STRAVA_TIMEOUT_MS)
      : undefined;
  // Soak and test runs shorten the wait for a stalled server; real use keeps the defaults.
  const http = createHttpClient(
    timeoutMs
      ? { timeouts: { connectMs: timeoutMs, responseMs: timeoutMs, idleMs: timeoutMs } }
      : {},
  );
  const mtpwTokens = new MtpwTokenStore(secrets, onSecret);
  let strava: StravaClients | undefined;
  const stravaClients = () =>
    (strava ??= createStravaClients({
      http,
      endpoints: settings.strava.endpoints,
      clientId: settings.strava.clientId,
      clientSecret: settings.strava.clientSecret,
      secrets,
      clock: systemClock,
      logger,
      onSecret,
    }));
  const mtpw = () => new MtpwClient(http, settings.mtpw.baseUrl, mtpwTokens);
  let journal: Journal | undefined;
  let folderIo: FolderIoThread | undefined;
  // One journal per process: the first open migrates the old one out of the state file.
  const openJournal = () =>
    (journal ??= Journal.open({ path: join(home, 'journal.jsonl'), legacy: state, logger }));
  const siteRoot = settings.strava.endpoints.oauthBase.replace(/\/oauth$/, '');
  return {
    settings,
    home,
    logDir,
    redactor,
    secrets,
    state,
    strava: stravaClients,
    mtpw,
    mtpwTokens,
    logger,
    pipeline: (options = {}) =>
      logged(
        new Pipeline({
          strava: stravaClients(),
          mtpw: { client: mtpw(), connected: async () => (await mtpwTokens.load()) !== null },
          journal: openJournal(),
          clock: systemClock,
          workDir: join(home, 'work'),
          logger,
          // Folder reads and markers on a thread of their own: the progress bar keeps moving.
          folderIo: (folderIo ??= new FolderIoThread()),
          options: {
            ...defaultPipelineOptions,
            concurrency: user.uploads.concurrency,
            ...pipelineTuning(env),
            ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          },
        }),
        logger,
      ),
    activityUrl: (id) => `${siteRoot}/activities/${id}`,
  };
}

/** The pipeline, with every item's state changes and failures written to the log. */
function logged(pipeline: Pipeline, logger: Logger): Pipeline {
  logItemTransitions(pipeline, logger);
  return pipeline;
}

/** Test and soak runs shorten the waits (never below Strava's one poll a second in real use). */
function pipelineTuning(
  env: Record<string, string | undefined>,
): Partial<typeof defaultPipelineOptions> {
  const ms = (name: string) =>
    env[name] && /^\d+$/.test(env[name]) ? Number(env[name]) : undefined;
  const pollStartMs = ms('MTP_STRAVA_POLL_START_MS');
  const retryBaseMs = ms('MTP_STRAVA_RETRY_BASE_MS');
  return {
    ...(pollStartMs !== undefined ? { pollStartMs, listGraceMs: pollStartMs * 4 } : {}),
    ...(retryBaseMs !== undefined
      ? { retry: { ...defaultPipelineOptions.retry, baseDelayMs: retryBaseMs } }
      : {}),
  };
}
