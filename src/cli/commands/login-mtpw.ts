import { join } from 'node:path';
import { createInterface } from 'node:readline';
import open from 'open';
import { PendingSignIns } from '../../core/auth/pending-sign-ins';
import { UploadError } from '../../core/errors/upload-error';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../core/mtpw/mtpw-authorize';
import { mtpwClientIdMissing } from '../../core/mtpw/mtpw-client-id';
import type { CliServices } from '../cli-services';

/** Where the pending sign-ins live, in the state folder. */
export const pendingSignInsFile = 'mtpw-sign-in.json';

/** Where the state of the previous version waited (one state, in the state file). */
const legacyPendingKey = 'auth.mtpw.pending';

const pasteHint =
  "Paste the app.mtp.desktop://… address your browser ends on, within 10 minutes, with:\n  mtp-strava login mtpw --redirect-url 'app.mtp.desktop://app#access_token=…'";

/**
 * `login mtpw`: MTPW only redirects to `app.mtp.desktop://…`, which a terminal
 * cannot catch, so the user pastes that address, on standard input or later with
 * `--redirect-url` in another command: the sign-in's `state` waits in the state
 * folder for ten minutes, for one use.
 */
export async function loginMtpw(
  services: CliServices,
  options: { open: boolean; redirectUrl?: string },
): Promise<void> {
  const clientId = services.settings.mtpw.clientId;
  if (!clientId) throw mtpwClientIdMissing('cli');
  const pending = new PendingSignIns(join(services.home, pendingSignInsFile));
  services.state.delete(legacyPendingKey);
  let pasted = options.redirectUrl;
  if (pasted === undefined) {
    const request = buildMtpwAuthorizeUrl({ baseUrl: services.settings.mtpw.baseUrl, clientId });
    pending.add(request.state);
    console.log(`Sign in to Map the Paths at this address:\n${request.url.href}`);
    if (options.open) await open(request.url.href).catch(() => undefined);
    console.log(
      'When your browser asks to open the app (an app.mtp.desktop:// address), copy that address and paste it here.',
    );
    pasted = await readPastedLine('Address: ');
    if (pasted === undefined) {
      throw new UploadError({
        kind: 'cancelled',
        message: `No address was pasted (standard input is closed). ${pasteHint}`,
        retryable: false,
      });
    }
  }
  const url = mtpwAddress(pasted);
  const state = new URLSearchParams(url.hash.replace(/^#/, '')).get('state');
  if (!pending.take(state)) {
    throw new UploadError({
      kind: 'auth',
      message:
        'This Map the Paths sign-in could not be verified: it was not started here, has expired (after 10 minutes) or was already used. Run `mtp-strava login mtpw` again.',
      retryable: false,
      detail: 'unknown or expired state',
    });
  }
  const { accessToken } = parseMtpwRedirect(url, state ?? '');
  await services.mtpwTokens.save({ accessToken, connectedAt: Date.now() });
  console.log('Connected to Map the Paths.');
}

/** The pasted text as a URL, or an error saying what was expected. */
function mtpwAddress(text: string): URL {
  try {
    return new URL(text.trim());
  } catch {
    throw new UploadError({
      kind: 'invalid-input',
      message: `That is not an app.mtp.desktop:// address. ${pasteHint}`,
      retryable: false,
    });
  }
}

/** One line from standard input, or undefined when it closes first (no terminal, `< /dev/null`). */
function readPastedLine(prompt: string): Promise<string | undefined> {
  process.stdout.write(prompt);
  const rl = createInterface({ input: process.stdin, terminal: false });
  return new Promise((resolve) => {
    const closed = () => {
      process.stdout.write('\n');
      resolve(undefined);
    };
    rl.once('close', closed);
    rl.once('line', (line) => {
      rl.off('close', closed);
      rl.close();
      resolve(line);
    });
  });
}
