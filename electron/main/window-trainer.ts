// The 'webgpu-window' trainer: a hidden, hardened window whose page (renderer/trainer.html) trains on
// Chromium's own navigator.gpu, because Dawn's Node binding cannot run inside Electron. Main loads the page,
// then hands it its end of the trainer's MessageChannel with webContents.postMessage (the port transferred);
// the window's preload passes it on to the page, which speaks the trainer protocol on it. The window's end is
// the trainer's exit: closed by its page after a run, destroyed when killed, or its renderer process gone.
// The window is reached only through TrainerWindow, so the logic is tested with a stand-in.
import type { MessagePortMain } from 'electron';
import { TRAINER_PORT_CHANNEL } from '../common/trainer-window';
import type { KindStarter } from './trainer-starters';

/** The part of Electron's BrowserWindow this starter uses. */
export interface TrainerWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
  webContents: {
    postMessage(channel: string, message: unknown, transfer?: MessagePortMain[]): void;
    getOSProcessId(): number;
    once(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  };
}

/** A stand-in never needs more than this long to load the page; a real window that does is given up. */
export const PAGE_LOAD_TIMEOUT_MS = 30_000;

export interface WindowTrainerOptions {
  /** Makes one hidden, hardened window (see trainerWindowOptions). */
  createWindow(): TrainerWindow;
  /** The trainer page's URL on the app's own scheme. */
  pageUrl: string;
  log(line: string): void;
  loadTimeoutMs?: number;
}

export function windowTrainer(o: WindowTrainerOptions): KindStarter {
  return (port) => {
    const win = o.createWindow();
    let pid: number | undefined;
    let handedOver = false;
    let exitCode: number | null | undefined;
    const exitListeners: ((code: number | null) => void)[] = [];
    const exit = (code: number | null) => {
      if (exitCode !== undefined) return;
      exitCode = code;
      clearTimeout(timer);
      // A port never handed to the page is closed here, so the host's end hears no more from it.
      if (!handedOver) port.close();
      if (!win.isDestroyed()) win.destroy();
      for (const l of exitListeners.splice(0)) l(code);
    };
    const timer = setTimeout(() => {
      o.log(`trainer window: the page did not load within ${(o.loadTimeoutMs ?? PAGE_LOAD_TIMEOUT_MS) / 1000} s`);
      exit(null);
    }, o.loadTimeoutMs ?? PAGE_LOAD_TIMEOUT_MS);
    win.once('closed', () => exit(0));
    win.webContents.once('render-process-gone', (_e, details) => {
      o.log(`trainer window: renderer ${details.reason} (exit code ${details.exitCode})`);
      exit(null);
    });
    win.loadURL(o.pageUrl).then(
      () => {
        if (exitCode !== undefined) return;
        clearTimeout(timer);
        pid = win.webContents.getOSProcessId();
        handedOver = true;
        win.webContents.postMessage(TRAINER_PORT_CHANNEL, null, [port]);
      },
      (e: Error) => {
        o.log(`trainer window: ${o.pageUrl} did not load: ${e.message}`);
        exit(null);
      },
    );
    return {
      get pid() {
        return pid;
      },
      onExit: (listener) => {
        if (exitCode !== undefined) listener(exitCode);
        else exitListeners.push(listener);
      },
      kill: () => exit(null),
    };
  };
}
