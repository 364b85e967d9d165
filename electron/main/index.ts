// Electron main: app lifecycle and one hardened window. Everything else lives in the service.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDispatcher } from '../service/dispatcher';
import { LabService } from '../service/lab-service';
import { forwardEvents, registerIpc } from './ipc';
import { UtilityLauncher } from './utility-launcher';
import { CONTENT_SECURITY_POLICY, secureWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(here, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser; the app never opens a second window.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
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

  const service = new LabService({
    launcher: new UtilityLauncher(join(here, 'trainer.js')),
    version: app.getVersion(),
    locale: app.getLocale(),
    host: 'electron',
  });
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
