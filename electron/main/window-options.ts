// The hardened options of every Gradient Lab window and the rules its page lives by (Electron's security
// checklist): isolated and sandboxed, no new windows, no navigation, no webviews, no permissions; a page that
// fails to load or loses its preload is reported instead of leaving an invisible or silent window.
import type { BrowserWindowConstructorOptions } from 'electron';

export function secureWindowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Gradient Lab',
    show: false,
    backgroundColor: '#0f1420',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** The events of Electron's WebContents the rules need. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: Error) => void): unknown;
}

export interface PageProblems {
  /** The page itself could not be loaded (not a subresource). */
  loadFailed(url: string, reason: string): void;
  /** The preload threw: the page has no `window.lab`. */
  preloadFailed(path: string, error: Error): void;
}

export function guardContents(contents: GuardedContents, problems: PageProblems): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'] as const) contents.on(event, (e) => e.preventDefault());
  contents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation the app itself cancelled.
    if (isMainFrame && code !== -3) problems.loadFailed(url, `${description} (${code})`);
  });
  contents.on('preload-error', (_e, path, error) => problems.preloadFailed(path, error));
}

/** The permission hooks of Electron's Session. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** The app asks for no permission (camera, notifications, HID, ...): every request and check is refused. */
export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
