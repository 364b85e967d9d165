// One Gradient Lab per user: a second launch (a double click on the icon while the app is open) hands over to
// the first, which comes to the front, and quits before it opens a second service on the same database.

/** The part of Electron's App the lock needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** The part of a BrowserWindow brought to the front. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Take the lock (true) or quit (false). The holder focuses its window whenever another launch is attempted. */
export function claimSingleInstance(app: InstanceApp, window: () => FocusableWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const w = window();
    if (!w || w.isDestroyed()) return;
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  });
  return true;
}
