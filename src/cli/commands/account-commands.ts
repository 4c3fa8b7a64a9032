import type { CliServices } from '../cli-services';

/** `logout [strava|mtpw]`: Strava is revoked first, then forgotten even when unreachable. */
export async function logout(
  services: CliServices,
  which: 'strava' | 'mtpw' | 'all',
): Promise<void> {
  if (which !== 'mtpw') {
    const { revokedAtStrava } = await services.strava().session.signOut();
    console.log(
      revokedAtStrava
        ? 'Signed out of Strava.'
        : 'Forgot the Strava sign-in (Strava could not be told; you can remove the app at strava.com/settings/apps).',
    );
  }
  if (which !== 'strava') {
    await services.mtpwTokens.clear();
    console.log('Signed out of Map the Paths.');
  }
}

/** `whoami`: who is connected where, without any secret. */
export async function whoami(services: CliServices, json: boolean): Promise<void> {
  const strava = await services.strava().session.account();
  const mtpw = (await services.mtpwTokens.load()) !== null;
  if (json) {
    console.log(JSON.stringify({ strava, mtpw: { connected: mtpw } }));
    return;
  }
  console.log(
    strava
      ? `Strava: ${strava.name} (athlete ${strava.athleteId}; allowed: ${strava.scopes.join(', ')})`
      : 'Strava: not connected (run `mtp-strava login strava`)',
  );
  console.log(
    mtpw
      ? 'Map the Paths: connected'
      : 'Map the Paths: not connected (run `mtp-strava login mtpw`)',
  );
}
