// The makemore part 3 set overlaid across runs in Compare, in Chromium through the web host, in both languages:
// a seed-keras run and a deep-sigmoid run are trained on a small subset with layer probes, then compared. The
// activation and ∂L/∂h distributions of the chosen layer show both runs (mean, std and saturated share of each
// in the legend), the shared step scrubber moves every run to its nearest probe, update:data over time has a
// line per run with the labelled 1e-3 guide, and each run's initial-loss check is stated. Screenshots go to
// test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

async function train(app: App, preset: string): Promise<number> {
  const { page } = app;
  await page.goto(page.url().replace(/#.*$/, '#/train'));
  await page.locator('[data-testid="train-view"]').waitFor();
  await page.selectOption('[data-testid="preset-picker"]', preset);
  for (const [field, value] of [['trainSize', '640'], ['testSize', '200'], ['batchSize', '32'], ['epochs', '1'], ['probeEvery', '2']] as const) {
    await page.fill(`[data-field="${field}"]`, value);
  }
  await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled(), { timeout: 60_000 }).toBe(false);
  await page.click('[data-testid="run-start"]');
  await expect.poll(() => /[?&]run=(\d+)/.exec(page.url())?.[1] ?? null, { timeout: 30_000 }).not.toBeNull();
  const id = Number(/[?&]run=(\d+)/.exec(page.url())![1]);
  await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 180_000, interval: 500 }).toBe('completed');
  return id;
}

describe('makemore part 3 overlays across runs in Compare', () => {
  let app: App;
  let ids: number[] = [];
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1400 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const panel = () => app.page.locator('[data-testid="compare-distributions"]');
  const legend = (chart: string, id: number) => panel().locator(`[data-testid="chart-${chart}"] [data-legend-run="${id}"]`);

  it('trains a seed-keras and a deep-sigmoid run with layer probes', async () => {
    await app.page.locator('[data-testid="train-view"]').waitFor();
    ids = [await train(app, 'seed-keras'), await train(app, 'deep-sigmoid')];
    expect(ids[0]).not.toBe(ids[1]);
  }, 420_000);

  it('overlays both runs’ distributions and moves them with the scrubber, in English', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/, `#/compare?runs=${ids.join(',')}`));
    await panel().waitFor({ timeout: 60_000 });
    const [keras, sigmoid] = ids as [number, number];
    for (const chart of ['compare-activations', 'compare-activation-grads']) {
      for (const id of ids) expect(await panel().locator(`[data-testid="chart-${chart}"] [data-dist-run="${id}"]`).getAttribute('d')).toMatch(/^M/);
    }
    expect(await legend('compare-activations', keras).textContent()).toMatch(/mean .+, std .+, saturated /);
    expect(await legend('compare-activations', sigmoid).textContent()).toMatch(/mean .+, std .+, saturated \d/);
    expect(await legend('compare-activation-grads', sigmoid).textContent()).toContain('exactly 0:');
    const update = panel().locator('[data-testid="chart-compare-update-time"]');
    expect(await update.locator('[data-run-line]').count()).toBe(2);
    expect(await update.locator(`[data-run-line="${sigmoid}"]`).getAttribute('d')).toMatch(/^M/);
    expect(await update.locator('[data-guide-line="-3"]').count()).toBe(1);
    expect(await update.textContent()).toContain('1e-3 guide · std-based (makemore)');
    await update.locator('[data-basis="norm"]').click();
    expect(await update.textContent()).toContain('1e-3 guide · norm-based (CS231n)');
    // The initial-loss check of each run: seed-keras starts confidently wrong.
    const losses = panel().locator('[data-testid="compare-initial-loss"]');
    expect(await losses.locator(`li[data-run="${keras}"]`).getAttribute('data-verdict')).toBe('high');
    expect(await losses.locator(`li[data-run="${sigmoid}"]`).getAttribute('data-verdict')).not.toBe('none');
    expect(await losses.textContent()).toContain('expected −ln(1/10) = 2.303');

    // The scrubber starts at the last probed step; moved to the start, both runs follow to step 0.
    const last = await panel().getAttribute('data-step');
    expect(Number(last)).toBeGreaterThan(0);
    const before = await panel().locator(`[data-testid="chart-compare-activations"] [data-dist-run="${sigmoid}"]`).getAttribute('d');
    await page.locator('[data-testid="compare-dist-scrubber"]').fill('0');
    await expect.poll(() => panel().getAttribute('data-step')).toBe('0');
    expect(await page.locator('[data-testid="compare-dist-step"]').textContent()).toContain('step 0');
    for (const id of ids) expect(await legend('compare-activations', id).textContent()).toContain('at step 0:');
    expect(await panel().locator(`[data-testid="chart-compare-activations"] [data-dist-run="${sigmoid}"]`).getAttribute('d')).not.toBe(before);
    expect(await update.locator('[data-step-rule]').count()).toBe(1);
    await panel().screenshot({ path: join(app.outDir, 'compare-distributions-en.png') });
  });

  it('says the same in Japanese and picks another layer', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => panel().locator('h3').first().textContent()).toContain('実行をまたいだ分布');
    const act = panel().locator('[data-testid="chart-compare-activations"]');
    expect(await act.textContent()).toContain('アクティベーションの分布');
    expect(await act.textContent()).toContain('飽和');
    expect(await panel().locator('[data-testid="compare-initial-loss"]').textContent()).toContain('自信を持って間違えて');
    await page.selectOption('[data-testid="compare-dist-layer"]', '1');
    await expect.poll(() => act.locator('h3').textContent()).toContain('層 L2');
    // seed-keras has one hidden layer: deep-sigmoid's second is drawn, seed-keras says it has none.
    const [keras, sigmoid] = ids as [number, number];
    expect(await act.locator(`[data-dist-run="${sigmoid}"]`).getAttribute('d')).toMatch(/^M/);
    expect(await act.locator(`[data-dist-run="${keras}"]`).getAttribute('d')).toBe('');
    expect(await legend('compare-activations', keras).textContent()).toContain('隠れ層 L2 がありません');
    await page.locator('[data-testid="compare-dist-scrubber"]').fill('3');
    await expect.poll(() => page.locator('[data-testid="compare-dist-step"]').textContent()).not.toContain('ステップ 0');
    await panel().screenshot({ path: join(app.outDir, 'compare-distributions-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
