/** The part of Electron's WebFrameMain a sender check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * The one sender check of every IPC handler: the call must come from the top frame
 * of the app's own page (never an iframe, another origin, or a sign-in window).
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
  if (app.protocol === 'file:')
    return sender.protocol === 'file:' && sender.pathname === app.pathname;
  return sender.origin === app.origin;
}
