// Explanations where the eye is, in Chromium under 日本語 at 1280×720: Compare with two saved runs (synthetic,
// with layer probes so the ledger, update:data and distribution charts are drawn too) shows an ⓘ on every chart;
// each opens a Japanese explanation with no English word outside the Japanese-only allow-list and a link into
// Learn, and following one opens the Learn section it names. Screenshots: test-results/e2e/chart-notes-*.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleRun } from '../../electron/common/bundle';
import { flattenProbeLayer } from '../../electron/common/probe-fields';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type ProbeLayerStats } from '../../electron/common/records';
import { OUT_DIR } from './harness';
import { englishWordsIn } from './latin-words';
import { syntheticRun } from './synthetic-runs';
import { seededLab } from './seeded-lab';

/** A run with layer probes at steps 0 and 40 on its hidden layers, the signal shrinking `factor`-fold per layer. */
function probed(index: number, preset: string, factor: number): BundleRun {
  const run = syntheticRun(index, preset, 2, 40);
  const hidden = run.layers.filter((l) => !l.output).length;
  const counts = (bins: number, at: number) => Array.from({ length: bins }, (_, b) => (b === at ? 1000 : 0));
  const layer = (l: number): ProbeLayerStats => {
    const delta = 0.1 / factor ** (hidden - 1 - l);
    return {
      layer: l, actMean: 0.5, actStd: 0.2, saturatedFrac: 0.1, preP15: -1, preP50: 0, preP85: 1, actGradStd: delta, weightStd: 0.05,
      weightGradStd: delta, gradToData: delta, updateToDataStd: -3 - Math.log10(factor) * (hidden - 1 - l), updateToDataNorm: -3,
      deltaNorm: delta, biasGradNorm: delta, ledgerRatio: -Math.log10(factor), ledgerActivation: -0.7, ledgerWeights: 0.7 - Math.log10(factor),
      actGradZeros: 0, total: 1000, actCounts: counts(ACTIVATION_HISTOGRAM.bins, 70), actGradCounts: counts(HISTOGRAM.bins, 20 - 2 * (hidden - 1 - l)),
    } as ProbeLayerStats;
  };
  run.probes = [0, 40].map((step) => ({ step, learningRate: 0.01, loss: 2.3, layers: Array.from({ length: hidden }, (_, l) => flattenProbeLayer(layer(l))) }));
  return run;
}

/** Every chart Compare draws for two feed-forward runs with probes (the recurrent profile needs recurrent runs). */
const COMPARE_CHARTS = [
  'compare-curves', 'compare-grad-time', 'compare-layer-profile', 'compare-heatmaps', 'compare-ledger', 'compare-update',
  'compare-activations', 'compare-activation-grads', 'compare-update-time',
];

describe('chart explanations in Compare, in Japanese', () => {
  const lab = seededLab('gradient-lab-notes-', () => [probed(0, 'seed-keras', 4), probed(1, 'seed-he', 1.2)]);

  it('opens a Japanese explanation at every chart and follows its link into Learn', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
    const page = await context.newPage();
    try {
      await page.goto(`${lab.url}#/compare?runs=${lab.ids.join(',')}`);
      await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="chart-compare-activations"]').waitFor({ timeout: 30_000 });

      const charts = await page.locator('figure[data-testid^="chart-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('chart-'.length)));
      for (const name of COMPARE_CHARTS) expect(charts).toContain(name);
      const english: string[] = [];
      for (const name of charts) {
        const button = page.locator(`[data-testid="explain-${name}"]`);
        expect(await button.count(), `${name} has an ⓘ`).toBe(1);
        expect(await button.getAttribute('title')).toBe('このグラフの読み方');
        await button.click();
        const note = page.locator(`[data-testid="note-${name}"]`);
        const text = (await note.locator('p').textContent()) ?? '';
        expect(text.length, name).toBeGreaterThan(40);
        const link = (await note.locator('a[data-learn-link]').textContent()) ?? '';
        expect(link, name).toMatch(/^「しくみ」で詳しく：/);
        english.push(...[...englishWordsIn(text), ...englishWordsIn(link)].map((w) => `${name}: ${w}`));
      }
      expect(english).toEqual([]);

      const profile = page.locator('[data-testid="chart-compare-layer-profile"]');
      await profile.scrollIntoViewIfNeeded();
      await profile.screenshot({ path: join(OUT_DIR, 'chart-notes-compare-profile-ja.png') });
      await page.screenshot({ path: join(OUT_DIR, 'chart-notes-compare-ja.png'), fullPage: true });

      // The layer profile's link opens Learn at "Make it deeper", in view.
      await profile.locator('a[data-learn-link]').click();
      await page.locator('[data-testid="learn-view"]').waitFor();
      expect(page.url()).toContain('#/learn?section=deeper');
      const heading = page.locator('#learn-deeper-title');
      expect(await heading.textContent()).toBe('層を深くしてみる');
      await expect.poll(() => heading.evaluate((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
      await page.screenshot({ path: join(OUT_DIR, 'chart-notes-learn-deeper-ja.png') });

      // The curves' link opens step ③ with its panel shown.
      await page.goBack();
      await page.locator('[data-testid="explain-compare-curves"]').click();
      await page.locator('[data-testid="note-compare-curves"] a[data-learn-link]').click();
      await page.locator('[data-testid="step-panel-3"]').waitFor();
      expect(await page.locator('[data-testid="step-3"]').getAttribute('aria-pressed')).toBe('true');
    } finally {
      await context.close();
    }
  }, 180_000);
});
