// The handout: one click in Compare saves a self-contained HTML sheet (titles, run names with their colours, the
// settings that differ, every chart with its legend, a short explanation) in the chosen language; Chromium
// prints it to PDF and pdftoppm renders page 1 to test-results/e2e/handout-<lang>.png to be looked at.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUT_DIR } from './harness';
import { seededLab, namedRun } from './seeded-lab';

describe('the handout', () => {
  const lab = seededLab('gradient-lab-handout-', () => [namedRun(0, 'seed-keras'), namedRun(1, 'seed-he'), namedRun(2, 'seed-relu-he')]);

  for (const [locale, lang] of [['en-US', 'en'], ['ja-JP', 'ja']] as const) {
    it(`is one click from Compare, prints to PDF, in ${locale}`, async () => {
      const context = await lab.browser.newContext({ locale, viewport: { width: 1280, height: 720 }, acceptDownloads: true });
      const page = await context.newPage();
      try {
        await page.goto(`${lab.url}#/compare?runs=${lab.ids.join(',')}`);
        await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="handout"]')]);
        const file = join(lab.tmp, `handout-${lang}.html`);
        await download.saveAs(file);
        expect(download.suggestedFilename()).toBe(`gradient-lab-handout-${lab.ids.join('-')}.html`);
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
        const pdf = join(lab.tmp, `handout-${lang}.pdf`);
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
