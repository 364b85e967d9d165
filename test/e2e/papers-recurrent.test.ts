// A recurrent paper preset in Chromium through the web host: Bengio, Simard & Frasconi's tanh RNN on the adding
// problem (T = 100) picked from the Papers group, run on a smaller training set, and the "The paper says / this run
// shows" panel turns to "as in the paper" with the gradient at the first and last time steps — in English and
// Japanese — with the gradient through time redrawn. Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

describe('recurrent paper presets in Chromium through the web host', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1200 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs Bengio et al.’s tanh RNN and the panel says “as in the paper”, in both languages', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.click('[data-testid="lang-en"]');
    await page.selectOption('[data-testid="preset-picker"]', 'papers-bengio-rnn');
    const panel = page.locator('[data-testid="paper-claim"]');
    await panel.waitFor();
    expect(await page.locator('[data-testid="paper-citation"]').textContent()).toContain('Bengio, Y., Simard, P. & Frasconi, P. (1994)');
    expect(await panel.getAttribute('data-verdict')).toBe('none');
    expect(await page.inputValue('[data-field="length"]')).toBe('100');
    // Reduced: 2 000 sequences, one epoch of 40 steps (the sequence length, the cell and the optimizer as in the preset).
    await page.fill('[data-field="trainSize"]', '2000');
    await page.fill('[data-field="testSize"]', '200');
    await page.fill('[data-field="epochs"]', '1');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('completed');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('holds');
    expect(await page.locator('[data-testid="paper-verdict"]').textContent()).toBe('as in the paper');
    const shows = (await page.locator('[data-testid="paper-shows"]').textContent()) ?? '';
    expect(shows).toMatch(/the first time step’s ‖∂E\/∂h_1‖ is (\d\.\d)e-\d+× the last one’s ‖∂E\/∂h_100‖/);
    expect(shows).toMatch(/squared error over the last 20 batches 0\.(1[5-9]|2)\d*/);
    // The gradient through time redrawn: one line over the 100 time steps, on a log axis.
    await page.locator('[data-testid="chart-paper-figure"] [data-figure-line]').waitFor();
    expect(await page.locator('[data-testid="chart-paper-figure"] [data-figure-line]').count()).toBe(1);
    expect(await page.locator('[data-testid="chart-paper-figure"]').textContent()).toContain('The gradient reaching each time step');
    await panel.screenshot({ path: join(app.outDir, 'papers-bengio-claim-en.png') });

    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="paper-verdict"]').textContent()).toBe('論文のとおり');
    expect(await page.locator('[data-testid="paper-shows"]').textContent()).toContain('最初の時刻の ‖∂E/∂h_1‖ は最後の時刻の ‖∂E/∂h_100‖ の');
    expect(await page.locator('[data-testid="paper-says"]').textContent()).toContain('長い時間の依存関係を学習できない');
    expect(await page.locator('[data-testid="chart-paper-figure"]').textContent()).toContain('各時刻に届く勾配');
    await panel.screenshot({ path: join(app.outDir, 'papers-bengio-claim-ja.png') });
  });

  it('the Pascanu pair: the unclipped preset diverges with ‖g‖ spiking past 10× its median, and the panel says so', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-en"]');
    await page.selectOption('[data-testid="preset-picker"]', 'papers-pascanu-noclip');
    const panel = page.locator('[data-testid="paper-claim"]');
    // The form shows the preset's recurrent weights (the panel still shows the finished run until the next starts).
    expect(await page.inputValue('[data-field="recurrentRadius"]')).toBe('1.5');
    await page.fill('[data-field="trainSize"]', '2000');
    await page.fill('[data-field="testSize"]', '200');
    await page.fill('[data-field="epochs"]', '1');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('diverged');
    expect(await page.locator('[data-testid="paper-citation"]').textContent()).toContain('Pascanu, R., Mikolov, T. & Bengio, Y. (2013)');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('holds');
    expect(await page.locator('[data-testid="paper-shows"]').textContent()).toMatch(/the largest ‖g‖, [\d.e+-]+, is [\d.e+-]+× the median .*the run diverged/);
    await panel.screenshot({ path: join(app.outDir, 'papers-pascanu-claim-en.png') });
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="paper-verdict"]').textContent()).toBe('論文のとおり');
    expect(await page.locator('[data-testid="paper-shows"]').textContent()).toContain('実行は発散しました');
    await panel.screenshot({ path: join(app.outDir, 'papers-pascanu-claim-ja.png') });
  });
});
