// The handout: one click in Compare saves a self-contained HTML sheet (titles, run names with their colours, the
// settings that differ, every chart with its legend, a short explanation) in the chosen language; Chromium
// prints it to PDF and pdftoppm renders page 1 to test-results/e2e/handout-<lang>.png to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, OUT_DIR, startServer, stopServer } from './harness';
import { importRuns, syntheticRun } from './synthetic-runs';

describe('the handout', () => {
  let tmp = '';
  let server: Awaited<ReturnType<typeof startServer>>['server'] | undefined;
  let url = '';
  let browser: Browser;
  let ids: number[] = [];
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-handout-'));
    const dbPath = join(tmp, 'lab.db');
    const named = (i: number, preset: string) => ({ ...syntheticRun(i, preset, 2, 40), name: `${preset} #${i + 1}`, tags: [] });
    ids = importRuns(tmp, dbPath, [named(0, 'seed-keras'), named(1, 'seed-he'), named(2, 'seed-relu-he')]);
    ({ url, server } = await startServer(dbPath));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const [locale, lang] of [['en-US', 'en'], ['ja-JP', 'ja']] as const) {
    it(`is one click from Compare, prints to PDF, in ${locale}`, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 }, acceptDownloads: true });
      const page = await context.newPage();
      try {
        await page.goto(`${url}#/compare?runs=${ids.join(',')}`);
        await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="handout"]')]);
        const file = join(tmp, `handout-${lang}.html`);
        await download.saveAs(file);
        expect(download.suggestedFilename()).toBe(`gradient-lab-handout-${ids.join('-')}.html`);
        const html = readFileSync(file, 'utf8');
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(lang === 'ja' ? 'Gradient Lab — 3 件の実行の比較' : 'Gradient Lab — comparison of 3 runs');
        expect(html).toContain(lang === 'ja' ? 'チュートリアルの再現（Keras） #1' : 'The tutorial, reproduced (Keras) #1');
        expect(html).toContain(lang === 'ja' ? '活性化関数' : 'activation');
        expect(html).toContain(lang === 'ja' ? '勾配消失' : 'vanishing gradient');
        expect((html.match(/data-handout-chart/g) ?? []).length).toBeGreaterThanOrEqual(4);
        expect((html.match(/<svg[^>]*data-chart/g) ?? []).length).toBeGreaterThanOrEqual(4);
        expect(html).not.toMatch(/<script|<link|src="http/);
        // Print it as the browser's print dialog would, and render page 1 to look at.
        const sheet = await context.newPage();
        await sheet.goto(pathToFileURL(file).toString());
        const pdf = join(tmp, `handout-${lang}.pdf`);
        await sheet.pdf({ path: pdf, format: 'A4', printBackground: true });
        expect(statSync(pdf).size).toBeGreaterThan(10_000);
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, join(OUT_DIR, `handout-${lang}`)]);
        expect(statSync(join(OUT_DIR, `handout-${lang}-1.png`)).size).toBeGreaterThan(5_000);
      } finally {
        await context.close();
      }
    });
  }
});
