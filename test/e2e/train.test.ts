// The Train view in Chromium through the web host: seed-keras on a small subset runs live (progress moves,
// charts fill, the dead first layer shows as "no signal") and stops on request; the He-init preset runs to the
// end, well above chance, and shows its predictions grid. Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

async function setField(app: App, field: string, value: string): Promise<void> {
  await app.page.fill(`[data-field="${field}"]`, value);
}

describe('Train view in Chromium through the web host', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1200 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs seed-keras live, shows its dead first layer, and stops', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.selectOption('[data-testid="preset-picker"]', 'seed-keras');
    await setField(app, 'trainSize', '600');
    await setField(app, 'testSize', '200');
    await setField(app, 'batchSize', '16');
    await setField(app, 'epochs', '200');
    // Inline validation: an impossible value disables Start, fixing it enables it again.
    await setField(app, 'trainSize', '5');
    await page.locator('[data-error="trainSize"]').waitFor();
    expect(await page.locator('[data-testid="run-start"]').isDisabled()).toBe(true);
    await setField(app, 'trainSize', '600');
    await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled()).toBe(false);
    await expect.poll(() => page.locator('[data-testid="backend-info"]').textContent(), { timeout: 60_000 }).toContain('wasm');

    await page.click('[data-testid="run-start"]');
    const bar = page.locator('[data-testid="run-progress"]');
    await expect.poll(async () => Number(await bar.getAttribute('data-step')), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = Number(await bar.getAttribute('data-step'));
    await expect.poll(async () => Number(await bar.getAttribute('data-step')), { timeout: 60_000 }).toBeGreaterThan(first + 20);
    expect(await page.locator('[data-testid="run-status"]').getAttribute('data-status')).toBe('running');

    // Charts fill: loss line, heatmap columns, the flow diagram's first band is "no signal".
    await expect.poll(async () => (await page.locator('[data-series="smoothed"]').first().getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
    await expect.poll(async () => Number(await page.locator('[data-testid="chart-layer-heatmap"] svg[data-chart]').getAttribute('data-cols'))).toBeGreaterThan(5);
    // seed-keras's hidden layer is exactly 0 in all or most steps (a rare sample leaves a ~1e-8 trace).
    await expect.poll(() => page.locator('[data-testid="chart-gradient-flow"] [data-band="0"]').getAttribute('data-state')).toMatch(/^(zero|mostly-zero)$/);
    expect(await page.locator('[data-testid="chart-gradient-flow"] [data-band="1"]').getAttribute('data-state')).toBe('signal');
    await page.screenshot({ path: join(app.outDir, 'train-seed-keras-running.png'), fullPage: true });
    await page.locator('[data-testid="chart-gradient-flow"]').screenshot({ path: join(app.outDir, 'train-seed-keras-flow.png') });

    await page.click('[data-testid="run-stop"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 30_000 }).toBe('stopped');
    expect(await page.locator('[data-testid="run-status"]').textContent()).toContain('stopped');
  });

  it('runs the He-init preset to the end, well above chance, with the predictions grid', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="preset-picker"]', 'seed-he');
    await setField(app, 'trainSize', '3000');
    await setField(app, 'testSize', '500');
    await setField(app, 'epochs', '3');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 150_000, interval: 500 }).toBe('completed');
    const final = await page.locator('[data-testid="run-final"]').textContent();
    const acc = Number(/([\d.]+)%/.exec(final ?? '')?.[1]);
    expect(acc).toBeGreaterThan(60);
    await page.locator('[data-testid="chart-predictions"] [data-prediction]').first().waitFor();
    expect(await page.locator('[data-testid="chart-predictions"] [data-prediction]').count()).toBeGreaterThan(8);
    expect(await page.locator('[data-testid="chart-gradient-flow"] [data-band="0"]').getAttribute('data-state')).toBe('signal');
    await page.screenshot({ path: join(app.outDir, 'train-seed-he-completed.png'), fullPage: true });
    await page.locator('[data-testid="chart-gradient-flow"]').screenshot({ path: join(app.outDir, 'train-seed-he-flow.png') });
    await page.locator('[data-testid="chart-layer-heatmap"]').screenshot({ path: join(app.outDir, 'train-seed-he-heatmap.png') });

    // A finished run opens from its address with its saved series.
    const url = new URL(page.url());
    const runId = /run=(\d+)/.exec(url.hash)?.[1];
    expect(runId).toBeTruthy();
    await page.reload();
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="run-status"]').getAttribute('data-status')).toBe('completed');
    await expect.poll(async () => (await page.locator('[data-series="smoothed"]').first().getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
    expect(await page.locator('[data-testid="chart-predictions"] [data-prediction]').count()).toBeGreaterThan(8);
  });

  it('opens the stopped seed-keras run from its address, in Japanese, with the dead layer marked', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-ja"]');
    await page.goto(app.url.replace(/#.*$/, '') + '#/train?run=1');
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="run-status"]').textContent()).toContain('停止');
    // Run 1 was seed-keras with a smaller batch: a custom experiment, named from its changes.
    expect(await page.locator('[data-testid="preset-picker"] option:checked').textContent()).toContain('カスタム');
    expect(await page.locator('[data-testid="run-name"]').textContent()).toContain('チュートリアルの再現（Keras） · MNIST 600/200');
    await expect.poll(() => page.locator('[data-testid="chart-gradient-flow"] [data-band="0"]').textContent()).toContain('信号なし');
    await page.screenshot({ path: join(app.outDir, 'train-seed-keras-saved-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
