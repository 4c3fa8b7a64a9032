import type { MtpApi } from '../shared/ipc-contract';

/** `window.mtp` comes from the preload (Electron) or the loopback bridge (browser harness). */
declare global {
  interface Window {
    mtp: MtpApi;
  }
}

export {};
