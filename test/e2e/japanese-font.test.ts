// Japanese on a machine with no CJK font: Chromium runs with a font configuration that holds only DejaVu (no
// Japanese glyphs at all), and the app still draws every Japanese word with the Noto Sans JP it ships, loaded
// from its own files. Also: the page's icon is served (no /favicon.ico 404). Screenshot:
// test-results/e2e/font-ja-no-system-cjk.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, OUT_DIR, startServer, stopServer } from './harness';

describe('Japanese with no system CJK font', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-font-'));
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(join(tmp, 'lab.db'));
    const conf = join(tmp, 'fonts.conf');
    writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${tmp}/cache</cachedir></fontconfig>`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...process.env, FONTCONFIG_FILE: conf } });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server.server);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('draws Japanese with the bundled Noto Sans JP, and serves the page icon', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.goto(server.url);
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    // The system has no Japanese glyphs: whatever Japanese is drawn comes from the app's own font files.
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Gradient Lab JP' && f.status === 'loaded').length);
    expect(loaded).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.fonts.check('16px "Gradient Lab JP"', '学習率'))).toBe(true);
    expect(await page.locator('nav').textContent()).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    await page.waitForTimeout(2000);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT_DIR, 'font-ja-no-system-cjk.png') });
    const icon = await page.request.get(new URL('/favicon.ico', server.url).toString());
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/x-icon');
    expect(missing).toEqual([]);
    await context.close();
  });
});
