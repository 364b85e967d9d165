// The hidden WebGPU trainer window as main starts it (window-trainer.ts), with a stand-in shaped like
// Electron's BrowserWindow: the page is loaded first and only then handed the trainer's port on the trainer
// channel; its process id is reported; a page that fails to load, never loads, or whose renderer dies ends the
// trainer (the port closed, the window destroyed) instead of leaving the host waiting; kill destroys it.
import type { MessagePortMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { TRAINER_PORT_CHANNEL } from '../../electron/common/trainer-window';
import { windowTrainer, type TrainerWindow } from '../../electron/main/window-trainer';

class StandInWindow implements TrainerWindow {
  destroyed = false;
  loaded: string | undefined;
  readonly posted: { channel: string; message: unknown; transfer?: MessagePortMain[] }[] = [];
  private closedListener?: () => void;
  private goneListener?: (e: unknown, d: { reason: string; exitCode: number }) => void;
  private finishLoad?: (ok: boolean) => void;

  constructor(private readonly load: 'ok' | 'fail' | 'never') {}

  loadURL(url: string): Promise<void> {
    this.loaded = url;
    if (this.load === 'never') return new Promise(() => {});
    return new Promise((resolve, reject) => {
      this.finishLoad = (ok) => (ok ? resolve() : reject(new Error('ERR_FILE_NOT_FOUND (-6)')));
      setTimeout(() => this.finishLoad!(this.load === 'ok'), 5);
    });
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.closedListener?.();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'closed', listener: () => void): this {
    this.closedListener = listener;
    return this;
  }
  /** The page closed itself after its run. */
  closeFromPage(): void {
    this.destroy();
  }
  crashRenderer(): void {
    this.goneListener?.({}, { reason: 'crashed', exitCode: 139 });
  }
  webContents = {
    postMessage: (channel: string, message: unknown, transfer?: MessagePortMain[]) => void this.posted.push({ channel, message, transfer }),
    getOSProcessId: () => 777,
    once: (_event: 'render-process-gone', listener: (e: unknown, d: { reason: string; exitCode: number }) => void) => {
      this.goneListener = listener;
      return this.webContents;
    },
  };
}

function port() {
  const p = { closed: false, close: () => void (p.closed = true) };
  return p as typeof p & MessagePortMain;
}

function start(load: 'ok' | 'fail' | 'never', loadTimeoutMs = 1_000) {
  const win = new StandInWindow(load);
  const log: string[] = [];
  const p = port();
  const trainer = windowTrainer({ createWindow: () => win, pageUrl: 'app://gradient-lab/trainer.html', log: (l) => log.push(l), loadTimeoutMs })(p);
  const exit = new Promise<number | null>((resolve) => trainer.onExit(resolve));
  return { win, log, p, trainer, exit };
}

describe('WebGPU trainer window (stand-in window)', () => {
  it('loads the trainer page, then hands it the port on the trainer channel and reports its process', async () => {
    const { win, p, trainer, exit } = start('ok');
    expect(win.posted).toEqual([]);
    await expect.poll(() => win.posted.length).toBe(1);
    expect(win.loaded).toBe('app://gradient-lab/trainer.html');
    expect(win.posted[0]).toEqual({ channel: TRAINER_PORT_CHANNEL, message: null, transfer: [p] });
    expect(trainer.pid).toBe(777);
    win.closeFromPage();
    expect(await exit).toBe(0);
    expect(p.closed).toBe(false);
  });

  it('ends the trainer when the page fails to load, or never loads, with the port closed and the window gone', async () => {
    const failed = start('fail');
    expect(await failed.exit).toBeNull();
    expect(failed.p.closed).toBe(true);
    expect(failed.win.destroyed).toBe(true);
    expect(failed.log.join('\n')).toMatch(/trainer\.html did not load: ERR_FILE_NOT_FOUND/);
    const never = start('never', 100);
    expect(await never.exit).toBeNull();
    expect(never.win.destroyed).toBe(true);
    expect(never.log.join('\n')).toMatch(/did not load within 0\.1 s/);
  });

  it('ends the trainer when its renderer dies, and destroys the window when killed', async () => {
    const crashed = start('ok');
    await expect.poll(() => crashed.win.posted.length).toBe(1);
    crashed.win.crashRenderer();
    expect(await crashed.exit).toBeNull();
    expect(crashed.win.destroyed).toBe(true);
    expect(crashed.log.join('\n')).toMatch(/renderer crashed \(exit code 139\)/);

    const killed = start('ok');
    await expect.poll(() => killed.win.posted.length).toBe(1);
    killed.trainer.kill();
    expect(await killed.exit).toBeNull();
    expect(killed.win.destroyed).toBe(true);
  });
});

describe('trainer window options', () => {
  it('are the hardened options, hidden and never throttled, with the trainer preload', async () => {
    const { trainerWindowOptions } = await import('../../electron/main/trainer-window-options');
    const o = trainerWindowOptions('/app/out/preload/trainer.cjs');
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/trainer.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      backgroundThrottling: false,
    });
  });
});
