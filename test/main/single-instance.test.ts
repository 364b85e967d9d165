// A second launch focuses the first instead of opening a second service on the same database; quitting waits
// for the service to close (bounded), and a quit during that wait does not start a second shutdown.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardQuit } from '../../electron/main/quit-guard';
import { claimSingleInstance, type FocusableWindow } from '../../electron/main/single-instance';

/** Electron's App as far as the lock goes: instances share one lock; a failed attempt signals the holder. */
class FakeApp extends EventEmitter {
  quitCalls = 0;
  constructor(private readonly lock: { holder?: FakeApp }) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    if (this.lock.holder && this.lock.holder !== this) {
      this.lock.holder.emit('second-instance', {}, ['gradient-lab'], '/');
      return false;
    }
    this.lock.holder = this;
    return true;
  }
  quit(): void {
    this.quitCalls++;
  }
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const w: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { w, calls };
}

describe('single instance', () => {
  it('the second launch quits and the first comes to the front, restored', () => {
    const lock = {};
    const first = new FakeApp(lock);
    const { w, calls } = fakeWindow(true);
    expect(claimSingleInstance(first, () => w)).toBe(true);
    const second = new FakeApp(lock);
    expect(claimSingleInstance(second, () => undefined)).toBe(false);
    expect(second.quitCalls).toBe(1);
    expect(first.quitCalls).toBe(0);
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a launch before the first window exists is harmless', () => {
    const lock = {};
    expect(claimSingleInstance(new FakeApp(lock), () => undefined)).toBe(true);
    expect(claimSingleInstance(new FakeApp(lock), () => undefined)).toBe(false);
  });
});

describe('quit guard', () => {
  it('holds the quit until the service has closed, then quits once', async () => {
    const app = new FakeApp({});
    let release!: () => void;
    const closed = new Promise<void>((r) => (release = r));
    let closes = 0;
    guardQuit(app, () => (closes++, closed), 10_000);
    const quit = () => {
      let stopped = false;
      app.emit('before-quit', { preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(quit()).toBe(true);
    expect(quit()).toBe(true); // a second Cmd+Q while closing waits for the same close
    await new Promise((r) => setTimeout(r, 20));
    expect(app.quitCalls).toBe(0);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.quitCalls).toBe(1);
    expect(closes).toBe(1);
    expect(quit()).toBe(false); // the real quit now goes through
  });

  it('quits after the bound when the service never answers, and after a failing close', async () => {
    const app = new FakeApp({});
    guardQuit(app, () => new Promise(() => {}), 50);
    app.emit('before-quit', { preventDefault: () => {} });
    await new Promise((r) => setTimeout(r, 120));
    expect(app.quitCalls).toBe(1);
    const app2 = new FakeApp({});
    guardQuit(app2, () => Promise.reject(new Error('gone')), 10_000);
    app2.emit('before-quit', { preventDefault: () => {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(app2.quitCalls).toBe(1);
  });
});
