// A paper preset in Chromium through the web host: picked from the Papers group, run on a reduced subset, and the
// "The paper says / this run shows" panel turns to "as in the paper" with the numbers — in English and Japanese.
// Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

describe('paper presets in Chromium through the web host', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1200 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs Glorot & Bengio’s normalized-initialization preset and the panel says “as in the paper”, in both languages', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.click('[data-testid="lang-en"]');
    await page.selectOption('[data-testid="preset-picker"]', 'papers-glorot-tanh-xavier');
    const panel = page.locator('[data-testid="paper-claim"]');
    await panel.waitFor();
    expect(await page.locator('[data-testid="paper-citation"]').textContent()).toContain('Glorot, X. & Bengio, Y. (2010)');
    expect(await panel.getAttribute('data-verdict')).toBe('none');
    // Reduced: 200 images, 20 steps (the claim is read at the start of training).
    await page.fill('[data-field="trainSize"]', '200');
    await page.fill('[data-field="testSize"]', '100');
    await page.fill('[data-field="epochs"]', '1');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('completed');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('holds');
    expect(await page.locator('[data-testid="paper-verdict"]').textContent()).toBe('as in the paper');
    expect(await page.locator('[data-testid="paper-shows"]').textContent()).toMatch(/lowest layer’s ‖δ‖ is 0\.\d\d× the top hidden layer’s/);
    // Their Figure 7 redrawn: ‖δ‖ of each of the five hidden layers at the start.
    expect(await page.locator('[data-testid="chart-paper-figure"] [data-figure-line]').count()).toBe(1);
    expect(await page.locator('[data-testid="chart-paper-figure"] circle').count()).toBe(5);
    await panel.screenshot({ path: join(app.outDir, 'papers-claim-en.png') });
    await page.screenshot({ path: join(app.outDir, 'papers-train-en.png'), fullPage: true });

    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="paper-verdict"]').textContent()).toBe('論文のとおり');
    expect(await page.locator('[data-testid="paper-shows"]').textContent()).toContain('層をまたいでほぼ同じ大きさ');
    expect(await page.locator('[data-testid="paper-says"]').textContent()).toContain('正規化初期化');
    await panel.screenshot({ path: join(app.outDir, 'papers-claim-ja.png') });
  });
});
