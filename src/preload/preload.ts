import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { dropGrantChannel, dropGrantMax } from '../shared/drop-grant';
import { ipcContract, ipcEvents, type EventName, type MtpApi } from '../shared/ipc-contract';

/**
 * Exposes exactly the IPC contract as `window.mtp`: one named function per channel,
 * a subscription to the contract's pushed events and the grant of a real drop. Never
 * ipcRenderer itself. Payloads pass through as they came; the renderer parses them.
 */
const api: Record<string, unknown> = {};
for (const channel of Object.keys(ipcContract)) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);
}
api.on = (name: EventName, listener: (payload: unknown) => void) => {
  // The page may only listen to the contract's events, never to any other channel.
  if (typeof name !== 'string' || !Object.hasOwn(ipcEvents, name))
    throw new Error('Unknown event.');
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(name, handler);
  return () => ipcRenderer.removeListener(name, handler);
};
/** A dropped File's real path; '' for a File made by script, or anything that is not a File. */
const pathOfDropped = (file: unknown): string => {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
};
api.grantDropped = (files: unknown) => {
  const paths = (Array.isArray(files) ? (files as unknown[]) : [])
    .map(pathOfDropped)
    .filter((path) => path.length > 0);
  if (paths.length === 0) return Promise.resolve({ ok: true, value: { paths: [] } });
  return ipcRenderer.invoke(dropGrantChannel, { paths: paths.slice(0, dropGrantMax) });
};

// The loop above builds one function per channel of the contract, which is MtpApi's shape.
const mtp = api as unknown as MtpApi;
contextBridge.exposeInMainWorld('mtp', mtp);
