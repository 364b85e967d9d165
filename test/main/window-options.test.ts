// The desktop window is hardened as Electron's security checklist asks, and only the app's own page may talk
// to the main process.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isTrustedSenderUrl, secureWindowOptions } from '../../electron/main/window-options';

const ROOT = resolve(import.meta.dirname, '../..');

describe('main window', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('has a strict content security policy, in the headers and in the page itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    const html = readFileSync(resolve(ROOT, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[\s\S]*script-src 'self'/);
  });

  it('denies window.open and blocks navigation', () => {
    const main = readFileSync(resolve(ROOT, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*?action: 'deny'/);
    expect(main).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
  });

  it('trusts requests only from the app page', () => {
    const app = 'file:///opt/gradient-lab/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSenderUrl(app, app)).toBe(true);
    expect(isTrustedSenderUrl(`${app}#/learn`, app)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', app)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', app)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('not a url', app)).toBe(false);
  });
});
