// The desktop window as Electron's security checklist asks: isolated and sandboxed; a page that tries to open a
// window, navigate or attach a webview is stopped; every permission is refused; a page that fails to load or
// loses its preload is reported; the production menu has no reload or developer tools; and the page carries
// the app's one Content-Security-Policy wherever it is served.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/common/csp';
import { menuTemplate } from '../../electron/main/menu';
import { denyPermissions, guardContents, secureWindowOptions, type GuardedContents, type GuardedSession } from '../../electron/main/window-options';

const ROOT = resolve(import.meta.dirname, '../..');

/** A WebContents stand-in: real events, and the window-open handler kept so the test can call it. */
class FakeContents extends EventEmitter {
  openHandler?: (d: { url: string }) => { action: string };
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.openHandler = h;
  }
}

function prevented(contents: EventEmitter, event: string): boolean {
  let stopped = false;
  contents.emit(event, { preventDefault: () => (stopped = true) }, 'https://example.com/');
  return stopped;
}

describe('main window', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, preload: '/app/preload.cjs' });
  });

  it('denies window.open and stops navigation, redirects and webviews', () => {
    const contents = new FakeContents();
    const problems: string[] = [];
    guardContents(contents as unknown as GuardedContents, { loadFailed: (u) => problems.push(u), preloadFailed: (p) => problems.push(p) });
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(prevented(contents, event)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('reports a page that failed to load or a preload that threw, instead of an invisible or silent window', () => {
    const contents = new FakeContents();
    const problems: string[] = [];
    guardContents(contents as unknown as GuardedContents, {
      loadFailed: (url, reason) => problems.push(`load ${url} ${reason}`),
      preloadFailed: (path, e) => problems.push(`preload ${path} ${e.message}`),
    });
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://gradient-lab/index.html', true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://gradient-lab/x.png', false);
    expect(problems).toEqual([]);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://gradient-lab/index.html', true);
    contents.emit('preload-error', {}, '/app/preload.cjs', new Error('boom'));
    expect(problems).toEqual(['load app://gradient-lab/index.html ERR_FILE_NOT_FOUND (-6)', 'preload /app/preload.cjs boom']);
  });

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    const session: GuardedSession = { setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) };
    denyPermissions(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'serial']) {
      let granted: boolean | undefined;
      request!({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(check!({}, permission)).toBe(false);
    }
  });

  it('has no reload or developer tools in the installed app', () => {
    const roles = (packaged: boolean, platform: NodeJS.Platform) => menuTemplate(packaged, platform).map((i) => i.role);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(roles(true, platform)).not.toContain('viewMenu');
      expect(roles(true, platform).filter((r) => /reload|devtools/i.test(String(r)))).toEqual([]);
      expect(roles(false, platform)).toContain('viewMenu');
    }
    expect(roles(true, 'darwin')[0]).toBe('appMenu');
  });

  it('the built page carries the one policy in its <meta>, strict and without eval', () => {
    const html = readFileSync(resolve(ROOT, 'out/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ meta: true }));
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
