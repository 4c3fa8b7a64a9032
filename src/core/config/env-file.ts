import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { UploadError } from '../errors/upload-error';

/**
 * The variables of an env file (`.env`, `settings.env`) under the process's own
 * environment, which wins as it always did. Read with dotenv's `parse`, never its
 * `config()`: that copies the file into `process.env`, and every child (xdg-open,
 * the browser it starts) would then inherit STRAVA_CLIENT_SECRET. A missing file is
 * no settings; an unreadable one is a `config` error naming it.
 */
export function withEnvFile(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return { ...readEnvFile(path), ...definedOnly(env) };
}

function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UploadError(
      {
        kind: 'config',
        message: `The settings file ${path} could not be read.`,
        retryable: false,
        detail: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
  return parse(text);
}

// A variable set to nothing in the environment still hides the file's value, as with dotenv.
function definedOnly(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}
