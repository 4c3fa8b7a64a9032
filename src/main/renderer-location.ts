import { appPageUrl } from './renderer-file-path';

/**
 * The page the main window loads: the built renderer at `app://renderer/index.html`,
 * or electron-vite's dev server (ELECTRON_RENDERER_URL) in an unpackaged run only.
 * Packaged, whoever controls the launch environment must not be able to point the
 * window, with `window.mtp` in it, at a page of their own.
 */
export function rendererPageUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  if (isPackaged || !devServerUrl) return appPageUrl;
  try {
    const url = new URL(devServerUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : appPageUrl;
  } catch {
    return appPageUrl;
  }
}
