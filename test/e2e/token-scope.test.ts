// The access token in a real browser: Chromium keeps cookies per host, not per port, so every server on
// 127.0.0.1 would receive them. After opening the printed address, no cookie holds the token, the address bar
// no longer shows it, and the app still talks to the host — also after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

describe('access token scope in Chromium', () => {
  let app: App;
  let token: string;
  beforeAll(async () => {
    app = await startApp({ locale: 'en-US' });
    token = new URL(app.url).searchParams.get('token')!;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the token out of every cookie and out of the address bar, and the socket works across a reload', async () => {
    const port = new URL(app.url).port;
    await expect.poll(() => app.page.url()).not.toContain(token);
    const cookies = await app.context.cookies('http://127.0.0.1');
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c.value).not.toContain(token);
      expect(c.name).toContain(port);
    }
    // Static files come with the page cookie; after a reload the socket still works (About lists the backends).
    expect(await app.page.evaluate(() => fetch('/index.html').then((r) => r.status))).toBe(200);
    await app.page.reload();
    await app.page.click('[data-testid="about-open"]');
    const wasm = app.page.locator('[data-testid="backend-table"] tr[data-backend="wasm"]');
    await wasm.waitFor({ timeout: 60_000 });
    expect(await wasm.getAttribute('data-available')).toBe('true');
  });
});
