/** The part of Electron's WebFrameMain a sender check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * The one sender check of every IPC handler: the call must come from the top frame
 * of the app's own page (never an iframe, another origin, or a sign-in window).
 * The app page is `app://renderer/…` (a standard scheme, so its host is its origin)
 * or, in development only, the dev server's http origin. file: pages are never
 * trusted: the renderer is not served from file: any more.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  appPageUrl: string,
): boolean {
  if (!frame || frame.parent !== null) return false;
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(frame.url);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  if (sender.username !== '' || sender.password !== '') return false;
  if (app.protocol === 'app:') {
    return sender.protocol === 'app:' && sender.host === app.host;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return sender.origin === app.origin;
  return false;
}
