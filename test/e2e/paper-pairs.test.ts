// A paper's pair in Chromium through the web host, end to end: Glorot & Bengio's standard-initialization preset
// run on a reduced subset shows their per-layer histograms (activations and back-propagated gradients, one curve
// per hidden layer, a step scrubber); its claim panel queues the normalized-initialization side with the same data
// and steps; Compare judges the pair ("The paper says / these runs show", with the numbers); and the handout
// carries the citation, the claim and the verdicts — in Japanese and in English. Screenshots and the handout's
// first PDF page go to test-results/e2e/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPaperPreset } from '../../electron/common/presets-papers';
import { startApp, type App } from './harness';

/** Latin words a Japanese text may keep here: cited authors, the activation's name, formula notation, export formats. */
const ALLOWED_IN_JA = new Set(['Glorot', 'Bengio', 'tanh', 'log', 'PNG', 'SVG']);
const latinIn = (texts: string[]) => texts.flatMap((s) => s.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((w) => !ALLOWED_IN_JA.has(w));

const STANDARD = getPaperPreset('papers-glorot-tanh-standard')!;
const NORMALIZED = getPaperPreset('papers-glorot-tanh-xavier')!;

async function handout(app: App, page: Page, lang: 'ja' | 'en'): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="handout"]')]);
  const file = join(app.outDir, `paper-pair-handout-${lang}.html`);
  await download.saveAs(file);
  const sheet = await app.context.newPage();
  await sheet.goto(pathToFileURL(file).toString());
  const pdf = join(app.outDir, `paper-pair-handout-${lang}.pdf`);
  await sheet.pdf({ path: pdf, format: 'A4', printBackground: true });
  await sheet.close();
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(app.outDir, `paper-pair-handout-${lang}`)]);
  return readFileSync(file, 'utf8');
}

describe('a paper’s pair: histograms, the pair’s judgment in Compare and the claim in the handout', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1200 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs the standard side, queues the normalized side from the panel, and the pair holds in Compare and the handout', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.click('[data-testid="lang-en"]');
    await page.selectOption('[data-testid="preset-picker"]', STANDARD.id);
    const panel = page.locator('[data-testid="paper-claim"]');
    await panel.waitFor();
    // Reduced: 1 100 images, 110 steps (the pair's claim is read at the start of training; layer probes at steps 0
    // and 100).
    await page.fill('[data-field="trainSize"]', '1100');
    await page.fill('[data-field="testSize"]', '100');
    await page.fill('[data-field="epochs"]', '1');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 180_000, interval: 500 }).toBe('completed');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('holds');

    // Their Figures 6 and 7: one curve per hidden layer (five), at the newest probe, then at step 0 by the scrubber.
    const hist = page.locator('[data-testid="paper-histograms"]');
    await hist.waitFor();
    expect(await page.locator('[data-testid="chart-paper-activations"] [data-dist-layer]').count()).toBe(5);
    expect(await page.locator('[data-testid="chart-paper-gradients"] [data-dist-layer]').count()).toBe(5);
    expect(await page.locator('[data-testid="chart-paper-gradients"] [data-legend-layer]').count()).toBe(5);
    expect(await page.locator('[data-testid="chart-paper-activations"] [data-chart-title]').textContent()).toContain('Glorot & Bengio 2010, Figure 6');
    expect(await hist.getAttribute('data-step')).toBe('100');
    await page.locator('[data-testid="paper-hist-scrubber"]').fill('0');
    await expect.poll(() => hist.getAttribute('data-step')).toBe('0');
    expect(await page.locator('[data-testid="paper-hist-at"]').textContent()).toMatch(/\b0\b/);
    // The curves at step 0 are drawn (a path with points), for every layer.
    for (const d of await page.locator('[data-testid="chart-paper-gradients"] [data-dist-layer]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''))) {
      expect(d.length).toBeGreaterThan(20);
    }
    const pair = page.locator('[data-testid="paper-pair"]');
    expect(await pair.textContent()).toContain(`“${NORMALIZED.name.en}”`);
    await panel.screenshot({ path: join(app.outDir, 'paper-pair-panel-en.png') });

    // In Japanese, and the partner queued from the panel.
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => pair.textContent()).toContain('同じデータ・同じステップ数で実行し');
    expect(await page.locator('[data-testid="chart-paper-activations"] [data-chart-title]').textContent()).toBe('隠れ層ごとの活性値の分布（Glorot & Bengio 2010 の図6）');
    const ownTexts = [
      ...(await page.locator('[data-testid="paper-histograms"] figcaption, [data-testid="paper-histograms"] .scrub, [data-testid="paper-histograms"] [data-legend-layer]').allTextContents()),
      ...(await pair.allTextContents()),
    ];
    expect(latinIn(ownTexts)).toEqual([]);
    await panel.screenshot({ path: join(app.outDir, 'paper-pair-panel-ja.png') });
    await page.click('[data-testid="paper-pair-queue"]');
    await page.locator('[data-testid="paper-pair-queued"]').waitFor();
    const href = await page.locator('[data-testid="paper-pair-compare"]').getAttribute('href');
    expect(href).toMatch(/^#\/compare\?runs=\d+,\d+$/);
    await page.click('[data-testid="paper-pair-compare"]');

    // Compare: both runs judged and the pair's claim with its numbers, once the normalized run has its statistics.
    await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
    const pairRow = page.locator('[data-testid="compare-pair"]');
    await expect.poll(() => pairRow.getAttribute('data-verdict'), { timeout: 180_000, interval: 1000 }).toBe('holds');
    expect(await pairRow.textContent()).toMatch(/組の比較.*論文のとおり.*標準初期化 0\.\d\d、正規化初期化 (0\.\d\d|1\.\d\d)/);
    expect(await page.locator('[data-testid="compare-paper-says"]').textContent()).toContain(STANDARD.paper.claim.ja);
    expect(await page.locator('[data-testid="compare-paper-says"]').textContent()).toContain(NORMALIZED.paper.claim.ja);
    // Wait for the normalized run to end, so the handout has both runs whole.
    await expect.poll(() => page.locator('[data-testid="compare-paper-run"][data-verdict="holds"]').count(), { timeout: 180_000, interval: 1000 }).toBe(2);
    const compareTexts = await page.locator('[data-testid="compare-paper"] h3, [data-testid="compare-paper"] dt, [data-testid="compare-paper"] .verdict, [data-testid="compare-paper"] strong, [data-testid="compare-paper-detail"]').allTextContents();
    expect(latinIn(compareTexts)).toEqual([]);
    await page.locator('[data-testid="compare-paper"]').screenshot({ path: join(app.outDir, 'paper-pair-compare-ja.png') });

    const ja = await handout(app, page, 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('Glorot, X. &#38; Bengio, Y. (2010)');
    expect(ja).toContain('論文の主張：');
    expect(ja).toContain(STANDARD.paper.claim.ja);
    expect((ja.match(/data-handout-verdict/g) ?? []).length).toBe(3);
    expect(ja).toMatch(/組の比較：[^<]+ — <span class="verdict">論文のとおり<\/span> 最下層と最上位の隠れ層の ‖δ‖ の比: 標準初期化 0\.\d\d、正規化初期化/);

    // The same in English.
    await page.click('[data-testid="lang-en"]');
    await expect.poll(() => pairRow.textContent()).toMatch(/The pair.*as in the paper.*‖δ‖ of the lowest over the top hidden layer: 0\.\d\d with standard, (0|1)\.\d\d with normalized initialization/);
    await page.locator('[data-testid="compare-paper"]').screenshot({ path: join(app.outDir, 'paper-pair-compare-en.png') });
    const en = await handout(app, page, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('The paper says:');
    expect(en).toContain(NORMALIZED.paper.claim.en);
    expect(en).toMatch(/The pair: [^<]+ — <span class="verdict">as in the paper<\/span> ‖δ‖ of the lowest over the top hidden layer: 0\.\d\d with standard/);
    expect(en).not.toMatch(/<script|<link|src="http/);
  }, 600_000);
});
