// The layer diagnostics in Chromium through the web host, in both languages: on seed-keras a prediction is
// marked before the run, kept with it and drawn over the measured ‖δˡ‖ after it (also when the run is opened
// again from its address), with the initial-loss check calling its start confidently wrong; on deep-sigmoid,
// in Japanese, the makemore set and the chain-rule ledger fill and the verdict names the slow layers.
// Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

async function setField(app: App, field: string, value: string): Promise<void> {
  await app.page.fill(`[data-field="${field}"]`, value);
}

async function setup(app: App, preset: string, probeEvery: string): Promise<void> {
  const { page } = app;
  await page.selectOption('[data-testid="preset-picker"]', preset);
  await setField(app, 'trainSize', '640');
  await setField(app, 'testSize', '200');
  await setField(app, 'batchSize', '32');
  await setField(app, 'epochs', '1');
  await setField(app, 'probeEvery', probeEvery);
  await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled(), { timeout: 60_000 }).toBe(false);
}

describe('layer diagnostics in Chromium through the web host', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1400 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps a prediction with a seed-keras run and overlays what it measured', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await setup(app, 'seed-keras', '4');
    await page.fill('[data-predict-input="0"]', '-3');
    await page.fill('[data-predict-input="1"]', '-1');
    expect(await page.locator('[data-testid="chart-diag-predict"] [data-predicted]').count()).toBe(2);
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('completed');
    await page.locator('[data-testid="prediction-saved"]').waitFor();
    await page.locator('[data-testid="diag-initial-loss"]').waitFor();
    expect(await page.locator('[data-testid="diag-initial-loss"]').getAttribute('data-verdict')).toBe('high');
    expect(await page.locator('[data-testid="diag-initial-loss"]').textContent()).toContain('confidently wrong');
    // The dead hidden layer has no ‖δ‖ to draw on a log axis; the output layer does.
    await expect.poll(() => page.locator('[data-testid="chart-diag-predict"] [data-observed]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="chart-diag-predict"] [data-predicted]').count()).toBe(2);
    expect(await page.locator('[data-testid="diag-gradient-check"]').count()).toBe(1);
    expect(await page.locator('[data-testid="diag-update-verdict"]').textContent()).toContain('Not moving at all (gradient exactly 0): layers 1.');
    await page.locator('[data-testid="diagnostics"]').screenshot({ path: join(app.outDir, 'diagnostics-seed-keras-en.png') });

    // Opened again from its address, the run brings its prediction back.
    await page.reload();
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="chart-diag-predict"] [data-predicted]').count()).toBe(2);

    // The answer key prints alone: in print media only the handout is visible.
    await page.evaluate(() => (window.print = () => undefined));
    await page.click('[data-testid="handout-answers"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-print-handout]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="chart-diag-ledger"]').isVisible()).toBe(false);
    await page.screenshot({ path: join(app.outDir, 'diagnostics-handout-answers-print.png') });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-print-handout]').isVisible()).toBe(false);
  });

  it('fills the makemore set and the ledger for deep-sigmoid, in Japanese', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-ja"]');
    await setup(app, 'deep-sigmoid', '2');
    const before = page.url();
    await page.click('[data-testid="run-start"]');
    // The seed-keras run stays on screen until the new one is followed: wait for its address to change.
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 180_000, interval: 500 }).toBe('completed');
    // The seed-keras marks stay with seed-keras: this run was not given them.
    expect(await page.locator('[data-testid="chart-diag-predict"] [data-predicted]').count()).toBe(0);
    expect(await page.locator('[data-testid="prediction-saved"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="chart-diag-ledger"] [data-ledger]').count(), { timeout: 30_000 }).toBe(30);
    expect(await page.locator('[data-testid="chart-diag-ledger"] [data-sigmoid-line]').count()).toBe(1);
    expect(await page.locator('[data-testid="chart-diag-activations"] [data-dist-layer]').count()).toBe(10);
    expect(await page.locator('[data-testid="chart-diag-activation-grads"] [data-dist-layer]').count()).toBe(10);
    expect(await page.locator('[data-testid="diag-update-verdict"]').textContent()).toContain('学習率が小さすぎるようです');
    expect(await page.locator('[data-testid="chart-diag-activations"]').textContent()).toContain('飽和');
    expect(await page.locator('[data-testid="diag-glossary"]').textContent()).toContain('勾配消失');
    // The scrubber takes every chart back to step 0.
    await page.locator('[data-testid="diag-scrubber"]').fill('0');
    await expect.poll(() => page.locator('[data-testid="diag-step"]').textContent()).toContain('0');
    await page.locator('[data-testid="diagnostics"]').screenshot({ path: join(app.outDir, 'diagnostics-deep-sigmoid-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
