/**
 * The script the harness injects into the renderer page: it provides `window.mtp`
 * over the loopback bridge (the Electron preload's job in the app) and opens the
 * sign-in and activity pages the app would open in a window or the system browser.
 */
export function bridgePageScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const call = (channel) => (request) =>
    fetch('/__mtp/call/' + channel, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mtp-token': token }, body: JSON.stringify(request ?? {}) })
      .then((r) => r.json())
      .catch(() => ({ ok: false, error: { kind: 'network', message: 'The app is not answering.', retryable: true } }));
  const listeners = new Map();
  const events = new EventSource('/__mtp/events?token=' + encodeURIComponent(token));
  events.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === 'open') window.open(event.url, '_blank');
    else listeners.get(event.type)?.forEach((l) => l(event.payload));
  };
  const channels = ${JSON.stringify('__CHANNELS__')};
  const api = {};
  for (const channel of channels) api[channel] = call(channel);
  api.on = (name, listener) => {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name).add(listener);
    return () => listeners.get(name).delete(listener);
  };
  window.mtp = api;
})();`;
}
