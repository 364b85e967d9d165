// Recurrent runs in Chromium through the web host: a tanh RNN on the adding problem runs live and the time-step
// chart (‖∂E/∂h_t‖ against t on a log axis) and the time × training-step heatmap fill in, in English and in
// Japanese; an LSTM runs to the end; Compare overlays the two runs' signal through time; the Learn view walks
// the toy RNN through time. Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

async function shrink(app: App, preset: string, epochs: string): Promise<void> {
  const { page } = app;
  await page.selectOption('[data-testid="preset-picker"]', preset);
  for (const [field, value] of [['length', '30'], ['trainSize', '500'], ['testSize', '100'], ['hidden', '32'], ['epochs', epochs], ['statsEvery', '2']] as const) {
    await page.fill(`[data-field="${field}"]`, value);
  }
  await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled()).toBe(false);
}

describe('recurrent runs in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1400 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs a tanh RNN live: the time-step chart and heatmap fill in, in both languages', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await shrink(app, 'adding-rnn', '200');
    await page.click('[data-testid="run-start"]');
    const chart = page.locator('[data-testid="chart-time-gradient"] svg[data-chart]');
    await expect.poll(() => chart.getAttribute('data-measured'), { timeout: 60_000 }).toBe('yes');
    expect(await chart.getAttribute('data-steps')).toBe('30');
    const heat = page.locator('[data-testid="chart-time-heatmap"] svg[data-chart]');
    await expect.poll(async () => Number(await heat.getAttribute('data-cols')), { timeout: 60_000 }).toBeGreaterThan(5);
    expect(await heat.getAttribute('data-rows')).toBe('30');
    expect(await page.locator('[data-testid="run-status"]').getAttribute('data-status')).toBe('running');
    await page.locator('[data-testid="time-charts"]').screenshot({ path: join(app.outDir, 'recurrent-rnn-running-en.png') });
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="chart-time-gradient"]').textContent()).toContain('各時刻に届く誤差の信号');
    await page.locator('[data-testid="time-charts"]').screenshot({ path: join(app.outDir, 'recurrent-rnn-running-ja.png') });
    await page.click('[data-testid="lang-en"]');
    await page.click('[data-testid="run-stop"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 30_000 }).toBe('stopped');
  });

  it('runs an LSTM to the end and compares its signal through time with the RNN', async () => {
    const { page } = app;
    await shrink(app, 'adding-lstm', '2');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 150_000, interval: 500 }).toBe('completed');
    await page.goto(app.url.replace(/#.*$/, '') + '#/compare?runs=1,2');
    const overlay = page.locator('[data-testid="chart-compare-time-profile"] svg[data-chart]');
    await expect.poll(() => overlay.getAttribute('data-runs'), { timeout: 30_000 }).toBe('2');
    expect(await page.locator('[data-testid="chart-compare-time-profile"] path[data-run="1"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="chart-compare-time-profile"] path[data-run="2"]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="chart-compare-time-profile"]').screenshot({ path: join(app.outDir, 'recurrent-compare-en.png') });
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="chart-compare-time-profile"]').textContent()).toContain('時間をさかのぼる信号');
    await page.locator('[data-testid="chart-compare-time-profile"]').screenshot({ path: join(app.outDir, 'recurrent-compare-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });

  it('walks the toy RNN through time in the Learn view, in both languages', async () => {
    const { page } = app;
    await page.goto(app.url.replace(/#.*$/, '') + '#/learn');
    const section = page.locator('[data-testid="learn-rnn"]');
    await section.waitFor({ timeout: 30_000 });
    expect(await section.locator('tbody tr').count()).toBe(3);
    await section.screenshot({ path: join(app.outDir, 'recurrent-learn-en.png') });
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => section.textContent()).toContain('時間をさかのぼる');
    await section.screenshot({ path: join(app.outDir, 'recurrent-learn-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
