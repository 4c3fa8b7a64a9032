import type { BrowserWindowConstructorOptions } from 'electron';
import { isEphemeralPartition } from './window-options';

/** What a window is for: the app's own page, or a remote sign-in page. */
export type WindowRole = 'main' | 'auth';

/**
 * Refuses window options that weaken the renderer's isolation. A mistake in
 * window-options.ts (or a window made elsewhere) fails loudly at creation instead of
 * shipping a window with Node in it.
 */
export function assertHardenedOptions(
  options: BrowserWindowConstructorOptions,
  role: WindowRole,
): void {
  const prefs = options.webPreferences ?? {};
  const problems: string[] = [];
  if (prefs.contextIsolation !== true) problems.push('contextIsolation must be true');
  if (prefs.sandbox !== true) problems.push('sandbox must be true');
  if (prefs.nodeIntegration !== false) problems.push('nodeIntegration must be false');
  if (prefs.nodeIntegrationInWorker !== false)
    problems.push('nodeIntegrationInWorker must be false');
  if (prefs.nodeIntegrationInSubFrames === true)
    problems.push('nodeIntegrationInSubFrames must be off');
  if (prefs.webSecurity !== true) problems.push('webSecurity must be true');
  if (prefs.webviewTag !== false) problems.push('webviewTag must be false');
  if (prefs.allowRunningInsecureContent === true)
    problems.push('insecure content must stay blocked');
  if (prefs.experimentalFeatures === true) problems.push('experimentalFeatures must be off');
  if (prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures must not be set');
  if (role === 'auth') {
    if (prefs.preload !== undefined) problems.push('a sign-in window has no preload');
    if (prefs.session !== undefined)
      problems.push('a sign-in window gets its session by partition');
    if (prefs.partition === undefined || !isEphemeralPartition(prefs.partition)) {
      problems.push('a sign-in window needs its own in-memory partition');
    }
  }
  if (problems.length > 0) {
    throw new Error(`Refusing to open a ${role} window: ${problems.join('; ')}.`);
  }
}
