// Only the main frame of the app's own page may call into main. Trust is by scheme and host of the frame's URL
// (app://gradient-lab), so install paths never matter, and every other origin, scheme or frame is refused.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedFrame, isTrustedUrl, rendererSource, type FrameLike } from '../../electron/main/ipc-trust';

const app = rendererSource(true, {});
const top = (url: string): FrameLike => ({ url, parent: null });

describe('IPC trust', () => {
  it('trusts the app page and its routes, wherever the app is installed', () => {
    expect(app).toEqual({ kind: 'app', url: APP_ENTRY_URL });
    for (const url of [APP_ENTRY_URL, `${APP_ENTRY_URL}#/learn`, 'app://gradient-lab/', 'app://gradient-lab/index.html?lang=ja']) {
      expect(isTrustedFrame(top(url), app), url).toBe(true);
    }
  });

  it('refuses other schemes, hosts, user-info tricks, file paths and garbage', () => {
    const hostile = [
      'app://evil/index.html',
      'app://gradient-lab.evil/index.html',
      'app://gradient-lab@evil/index.html',
      'app://evil@gradient-lab/index.html',
      'app://gradient-lab:8080/index.html',
      'apps://gradient-lab/index.html',
      'ws://gradient-lab/index.html',
      'http://localhost/index.html',
      'https://example.com/',
      'file:///C:/Program%20Files/Gradient%20Lab/resources/app.asar/out/renderer/index.html',
      'file:///c:/Program Files/Gradient [Lab] ^%/resources/app.asar/out/renderer/index.html',
      'file:///opt/Gradient Lab/resources/app.asar/out/renderer/index.html',
      'data:text/html,<script>1</script>',
      'blob:app://gradient-lab/0b2f',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
      '',
    ];
    for (const url of hostile) expect(isTrustedFrame(top(url), app), url).toBe(false);
  });

  it('refuses subframes (even of the app page) and missing frames', () => {
    const parent = top(APP_ENTRY_URL);
    expect(isTrustedFrame({ url: APP_ENTRY_URL, parent }, app)).toBe(false);
    expect(isTrustedFrame({ url: APP_ENTRY_URL, parent: { url: 'https://evil.example/', parent: null } }, app)).toBe(false);
    expect(isTrustedFrame(null, app)).toBe(false);
    expect(isTrustedFrame(undefined, app)).toBe(false);
  });

  it('honours a dev server only in development, only on loopback, and then trusts that origin alone', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererSource(true, env)).toEqual({ kind: 'app', url: APP_ENTRY_URL });
    const dev = rendererSource(false, env);
    expect(dev).toEqual({ kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(isTrustedUrl('http://localhost:5173/#/train', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedUrl(APP_ENTRY_URL, dev)).toBe(false);
    for (const url of ['http://evil.example:5173/', 'file:///tmp/x.html', 'http://user:pw@localhost:5173/', 'nonsense']) {
      expect(rendererSource(false, { ELECTRON_RENDERER_URL: url }).kind, url).toBe('app');
    }
    // The packaged app's page never trusts the dev origin.
    expect(isTrustedUrl('http://localhost:5173/', app)).toBe(false);
  });
});
