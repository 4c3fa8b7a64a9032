import { createInterface } from 'node:readline/promises';
import open from 'open';
import { z } from 'zod';
import { UploadError } from '../../core/errors/upload-error';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../core/mtpw/mtpw-authorize';
import type { CliServices } from '../cli-services';

const pendingKey = 'auth.mtpw.pending';
const pendingSchema = z.object({ state: z.string(), until: z.number() });

/**
 * `login mtpw`: MTPW only redirects to `app.mtp.desktop://…`, which a terminal
 * cannot catch, so the user pastes that address (stdin or --redirect-url). The
 * `state` is kept between the two halves, for ten minutes.
 */
export async function loginMtpw(
  services: CliServices,
  options: { open: boolean; redirectUrl?: string },
): Promise<void> {
  const clientId = services.settings.mtpw.clientId;
  if (!clientId) {
    throw new UploadError({
      kind: 'config',
      message: 'Set MTPW_CLIENT_ID (the Map the Paths desktop client id) in .env first.',
      retryable: false,
    });
  }
  let state: string;
  let pasted = options.redirectUrl;
  const pending = pendingSchema.safeParse(services.state.get(pendingKey));
  if (pasted && pending.success && pending.data.until > Date.now()) {
    state = pending.data.state;
  } else {
    const request = buildMtpwAuthorizeUrl({ baseUrl: services.settings.mtpw.baseUrl, clientId });
    state = request.state;
    services.state.set(pendingKey, { state, until: Date.now() + 10 * 60_000 });
    console.log(`Sign in to Map the Paths at this address:\n${request.url.href}`);
    if (options.open) await open(request.url.href).catch(() => undefined);
    if (!pasted) {
      console.log(
        'When your browser asks to open the app (an app.mtp.desktop:// address), copy that address and paste it here.',
      );
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
      pasted = (await rl.question('Address: ')).trim();
      rl.close();
    }
  }
  let url: URL;
  try {
    url = new URL(pasted ?? '');
  } catch {
    throw new UploadError({
      kind: 'invalid-input',
      message: 'That is not an app.mtp.desktop:// address. Run `mtp-strava login mtpw` again.',
      retryable: false,
    });
  }
  const { accessToken } = parseMtpwRedirect(url, state);
  await services.mtpwTokens.save({ accessToken, connectedAt: Date.now() });
  services.state.delete(pendingKey);
  console.log('Connected to Map the Paths.');
}
