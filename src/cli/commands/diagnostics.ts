import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { toUploadError, UploadError } from '../../core/errors/upload-error';
import { StravaTokenStore } from '../../core/strava/strava-token-store';
import { writeDiagnosticsBundle } from '../../core/support/diagnostics-bundle';
import type { CliServices } from '../cli-services';

const packageSchema = z.object({ name: z.string(), version: z.string() });

/** This program's name and version, from its package.json. */
function packageInfo(): { name: string; version: string } {
  const path = new URL('../../../package.json', import.meta.url);
  const parsed = packageSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : { name: 'mtp-strava-uploader', version: 'unknown' };
}

/**
 * `diagnostics --out <file>`: a `.tar.gz` for support with the logs, the versions,
 * the settings without secrets and the queue summary. The stored tokens are read
 * first, only so that the Redactor knows their values and masks them everywhere.
 */
export async function diagnostics(services: CliServices, options: { out: string }): Promise<void> {
  const out = resolve(options.out);
  if (!/\.(tar\.gz|tgz)$/i.test(out)) {
    throw new UploadError({
      kind: 'invalid-input',
      message: 'The diagnostics bundle is a .tar.gz file: end the name with .tar.gz.',
      retryable: false,
    });
  }
  const remember = (secret: string) => services.redactor.remember(secret);
  // A locked or absent keychain leaves less to mask, never a reason to stop.
  await new StravaTokenStore(services.secrets, remember).load().catch(() => null);
  await services.mtpwTokens.load().catch(() => null);
  let queue: Parameters<typeof writeDiagnosticsBundle>[0]['queue'];
  try {
    queue = services.pipeline().items();
  } catch (error) {
    queue = {
      unavailable: toUploadError(error, {
        kind: 'server',
        message: 'The queue could not be read.',
        retryable: false,
      }).message,
    };
  }
  const files = await writeDiagnosticsBundle({
    out,
    logDir: services.logDir,
    app: { ...packageInfo(), runtime: 'cli' },
    settings: services.settings,
    queue,
    redactor: services.redactor,
  });
  console.log(
    `Diagnostics written to ${out} (${files.length - 1} log file${files.length === 2 ? '' : 's'}, the versions, the settings without secrets and the queue summary).`,
  );
}
