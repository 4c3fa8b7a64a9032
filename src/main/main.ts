import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, nativeTheme, Notification, powerMonitor, protocol, shell } from 'electron';
import { createApp } from '../core/app/create-app';
import type { Settings } from '../core/config/settings';
import { UploadError } from '../core/errors/upload-error';
import { createFileLogger, type FileLogger } from '../core/log/file-logger';
import { Redactor } from '../core/log/redact';
import { systemClock } from '../core/ports';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createWindowAuthBrowser } from './auth-window';
import { createElectronStateStore } from './electron-state-store';
import { externalLinkOrigins, isAllowedExternal } from './external-links';
import { forwardAppEvents, registerDropGrant, registerIpcHandlers } from './ipc-registry';
import { openKeychain } from './keychain-opener';
import { loadMainSettings } from './main-settings';
import { findMtpwUrl, listenForOpenUrl, registerMtpwProtocol } from './mtpw-protocol';
import { createProtocolRedirectInbox } from './redirect-inbox';
import { createProtocolAuthBrowser } from './redirect-protocol-browser';
import { rendererPageUrl } from './renderer-location';
import { guardSignInOpener, signInLinkPolicy } from './sign-in-links';
import { requestSingleInstance } from './single-instance';
import { createSupportActions } from './support-actions';
import { startOrExplain } from './startup-failure';
import { installWebContentsBackstop } from './web-contents-backstop';
import { createHardenedWindow } from './window-factory';
import { mainWindowOptions } from './window-options';
import { notifyBatchFinished } from './batch-notification';
import { wakeQueueOnResume } from './power-resume';
import { loadAutoUpdater } from './auto-updater';
import { closeLogIfStartFails, flushLogBeforeQuit } from './log-lifetime';
import { startUpdateService, updatesWanted, type UpdateService } from './update-service';

/**
 * The main process: a thin, safe adapter between the operating system, the core
 * and the renderer. Every window goes through the factory, every IPC channel
 * through the registry; the work itself is core's.
 */
let mainWindow: BrowserWindow | undefined;
const inbox = createProtocolRedirectInbox();
// Both only work before `ready`: the scheme's privileges, and a backstop that sees
// every webContents from the first one on.
registerAppScheme(protocol);
installWebContentsBackstop(app);

if (
  requestSingleInstance(
    app,
    (argv) => void deliver(findMtpwUrl(argv)),
    () => mainWindow,
  )
) {
  listenForOpenUrl(app, inbox);
  registerMtpwProtocol(app);
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    const logDir = join(app.getPath('userData'), 'logs');
    return startOrExplain(start, {
      app,
      dialog,
      logPath: join(logDir, 'app.log'),
      log: (line) => {
        mkdirSync(logDir, { recursive: true });
        appendFileSync(join(logDir, 'app.log'), `${line}\n`);
      },
    });
  });
}

function deliver(url: string | undefined): void {
  if (url) inbox.deliver(url);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  mkdirSync(join(userData, 'work'), { recursive: true });
  const settings = loadMainSettings(app.isPackaged, userData);
  // Every secret is registered as soon as it is known: this one now, tokens and the
  // user's own client secret by createApp's onSecret as they are loaded or saved.
  const redactor = new Redactor();
  redactor.remember(settings.strava.clientSecret);
  const logDir = join(userData, 'logs');
  const logger = createFileLogger({ dir: logDir, name: 'app', redactor });
  flushLogBeforeQuit(app, logger);
  await closeLogIfStartFails(logger, () => openApp({ userData, settings, redactor, logger }));
}

/** Everything after the log is open: the window, the core app, IPC, updates. */
async function openApp(opened: {
  userData: string;
  settings: Settings;
  redactor: Redactor;
  logger: FileLogger;
}): Promise<void> {
  const { userData, settings, redactor, logger } = opened;
  const logDir = join(userData, 'logs');
  // Settings' "Open log folder" and "Export diagnostics…"; the queue is read when asked.
  const support = createSupportActions({
    dialog,
    shell,
    parent: () => mainWindow,
    logDir,
    startDir: () => app.getPath('documents'),
    appVersion: () => app.getVersion(),
    redactor,
    settings: () => Promise.resolve(settings),
    queue: async () => (await queue.snapshot()).items,
  });
  const externalOrigins = externalLinkOrigins(settings.mtpw.baseUrl);
  // The built renderer, from the asar once packaged, on app://; electron-vite's dev server in development only.
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'));
  const appUrl = rendererPageUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  // Sign-ins send the browser to the configured Strava and MTPW sites only.
  const openSignIn = guardSignInOpener(
    (url) => shell.openExternal(url),
    signInLinkPolicy([settings.strava.endpoints.oauthBase, settings.mtpw.baseUrl], !app.isPackaged),
  );
  const openExternal = async (url: string) => {
    if (!isAllowedExternal(url, externalOrigins)) {
      throw new UploadError({
        kind: 'invalid-input',
        message: 'That address cannot be opened from the app.',
        retryable: false,
      });
    }
    await shell.openExternal(url);
  };

  let updates: UpdateService | null = null;
  const {
    controller,
    queue,
    settings: userSettings,
  } = createApp({
    settings,
    // Loopback http hosts in Settings (the simulator) only where the app is not packaged.
    development: !app.isPackaged,
    secrets: openKeychain(),
    state: createElectronStateStore(),
    clock: systemClock,
    logger,
    workDir: join(userData, 'work'),
    journalPath: join(userData, 'journal.jsonl'),
    // Its own entry of the main build (electron.vite.config.ts), next to this file.
    previewWorkerUrl: new URL('./preview-worker.js', import.meta.url),
    folderWorkerUrl: new URL('./folder-io-worker.js', import.meta.url),
    // The review offer looks in ~/MTP/sequences, where the MTP Desktop Uploader keeps them.
    home: app.getPath('home'),
    onSecret: (secret) => redactor.remember(secret),
    shell: {
      chooseFolders: async () => {
        const options = {
          title: 'Choose sequence folders',
          properties: ['openDirectory', 'multiSelections'] as Array<
            'openDirectory' | 'multiSelections'
          >,
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      openExternal,
      ...support,
      restartToUpdate: () => updates?.restart() ?? false,
    },
    signIn: {
      window: createWindowAuthBrowser({ parent: () => mainWindow, externalOrigins }),
      protocol: createProtocolAuthBrowser({ inbox, openExternal: openSignIn }),
      openExternal: openSignIn,
    },
    onBatchFinished: (summary) =>
      notifyBatchFinished(
        {
          isSupported: () => Notification.isSupported(),
          create: (options) => new Notification(options),
          openQueue: () => {
            if (!mainWindow) return;
            if (mainWindow.isMinimized()) mainWindow.restore();
            mainWindow.show();
            mainWindow.focus();
            controller.announce({ name: 'app:navigate', payload: { screen: 'queue' } });
          },
          enabled: () => userSettings.user().batchNotifications,
        },
        summary,
      ),
  });

  registerIpcHandlers(
    controller,
    () => appUrl,
    (why) => logger.error('An IPC answer did not fit the contract.', { why }),
  );
  // A real drop's paths, from the preload only: the page cannot send them itself.
  registerDropGrant(controller, () => appUrl);
  forwardAppEvents(controller, () => mainWindow?.webContents);

  mainWindow = createHardenedWindow(
    mainWindowOptions(
      join(import.meta.dirname, '../preload/preload.cjs'),
      nativeTheme.shouldUseDarkColors ? 'dark' : 'light',
    ),
    { role: 'main', appUrl, externalOrigins },
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  await mainWindow.loadURL(appUrl);
  await queue.resume();
  wakeQueueOnResume(powerMonitor, queue, logger);
  // Once the window listens for the banner's event. Decided before loading electron-updater:
  // the module is large, and as it loads it reaches for Electron's binary.
  const run = { isPackaged: app.isPackaged, env: process.env };
  const updater = updatesWanted(run) ? await loadAutoUpdater(logger) : null;
  updates =
    updater &&
    startUpdateService({
      updater,
      ...run,
      sendReady: () => controller.announce({ name: 'update:ready', payload: {} }),
      warn: (message, fields) => logger.warn(message, fields),
    });
}
