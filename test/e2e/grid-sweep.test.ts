// A grid sweep from the Train view, in Chromium, in both languages: learning rate × initializer on the toy set
// (2 × 2 runs), the number of runs and the time shown first, a grid one comparison cannot show refused with what
// to change, the runs waiting in the queue and named from what differs, and Compare opened on exactly the four;
// then a second sweep stopped part-way keeps its finished runs and says so. Screenshots:
// test-results/e2e/grid-sweep-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, startApp } from './harness';

const plan = (page: Page) => page.locator('[data-testid="grid-plan"]');

/** The tutorial's network on the toy set, long enough per run (a few seconds) to see the queue. */
async function smallSettings(page: Page): Promise<void> {
  await page.selectOption('[data-field="datasetKind"]', 'toy-mortgage');
  for (const [f, v] of [['batchSize', '8'], ['epochs', '40']] as const) await page.fill(`[data-field="${f}"]`, v);
}

describe('a grid sweep from the Train view', () => {
  for (const locale of ['en-US', 'ja-JP']) {
    const lang = locale.slice(0, 2);
    it(`queues a 2 × 2 grid and opens Compare on its four runs (${locale})`, async () => {
      const app = await startApp({ locale, viewport: { width: 1280, height: 900 } });
      const { page } = app;
      const shot = (name: string) => page.screenshot({ path: join(OUT_DIR, `grid-sweep-${name}-${lang}.png`), fullPage: true });
      try {
        await page.evaluate(() => (location.hash = '#/train?preset=seed-keras'));
        await page.locator('[data-testid="train-view"]').waitFor();
        await expect.poll(() => page.locator('[data-testid="backend-info"]').textContent(), { timeout: 60_000 }).toContain('wasm');
        await smallSettings(page);

        // Axis 1: the learning rate, prefilled with the preset's; axis 2: the initializer, the preset's ticked.
        const grid = page.locator('[data-testid="grid-sweep"]');
        expect(await page.inputValue('[data-testid="grid-values-0"]')).toBe('0.001');
        expect(await plan(page).getAttribute('data-runs')).toBe('1');
        await page.fill('[data-testid="grid-values-0"]', '0.001, 0.01');
        await page.click('[data-testid="grid-add"]');
        expect(await page.inputValue('[data-testid="grid-key-1"]')).toBe('init');
        expect(await grid.locator('[data-axis="1"] input[data-value="randomNormal"]').isChecked()).toBe(true);
        await grid.locator('[data-axis="1"] input[data-value="heNormal"]').check();
        await expect.poll(() => plan(page).getAttribute('data-runs')).toBe('4');
        const summary = await page.locator('[data-testid="grid-summary"]').textContent();
        expect(summary).toMatch(lang === 'ja' ? /4 件の実行 · 合計 約 \d+ (秒|分)/ : /4 runs · about \d+ (s|min) in all/);
        expect(Number(await plan(page).getAttribute('data-seconds'))).toBeGreaterThan(0);

        // A third setting of three seeds makes 12 runs: refused, saying what to change.
        await page.click('[data-testid="grid-add"]');
        await page.selectOption('[data-testid="grid-key-2"]', 'seed');
        await page.fill('[data-testid="grid-values-2"]', '1, 2, 3');
        const problem = page.locator('[data-testid="grid-problem"]');
        await expect.poll(() => problem.getAttribute('data-kind')).toBe('too-many');
        expect(await problem.textContent()).toMatch(lang === 'ja' ? /12 件.*8 件まで.*値か設定を減らしてください/ : /12 runs.*at most 8.*Remove values or a setting/);
        expect(await page.locator('[data-testid="grid-start"]').isDisabled()).toBe(true);
        await grid.screenshot({ path: join(OUT_DIR, `grid-sweep-refused-${lang}.png`) });
        await page.click('[data-testid="grid-remove-2"]');
        await expect.poll(() => plan(page).getAttribute('data-runs')).toBe('4');
        await grid.screenshot({ path: join(OUT_DIR, `grid-sweep-plan-${lang}.png`) });

        // Start: the first run trains (the view follows it), the other three wait in the visible queue.
        await page.click('[data-testid="grid-start"]');
        await expect.poll(() => page.locator('[data-testid="grid-progress"] li').count(), { timeout: 30_000 }).toBe(4);
        const ids = await page.locator('[data-testid="grid-progress"] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-run'))));
        await expect.poll(() => page.locator('[data-testid="train-queue"] li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
        const queued = await page.locator('[data-testid="train-queue"] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-queued'))));
        expect(queued.every((id) => ids.includes(id))).toBe(true);
        const names = await page.locator('[data-testid="grid-progress"] li .name').allTextContents();
        // Named from what differs from the preset: the learning rate and the initializer each show where changed.
        // The preset's own N(1, 1) is kept where the initializer is not changed.
        expect(names[0]).not.toContain('N(');
        expect(names[1]).toContain('He');
        expect(names[2]).toContain('η=0.01');
        expect(names[3]).toMatch(/He.*η=0\.01/);
        expect(new Set(names).size).toBe(4);
        await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/train\?run=\d+/);
        await shot('queue');

        // When the last run ends, Compare opens on exactly the sweep's four runs.
        await expect.poll(() => page.evaluate(() => location.hash), { timeout: 240_000, interval: 1000 }).toBe(`#/compare?runs=${ids.join(',')}`);
        await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
        const legend = await page.locator('[data-testid="compare-legend"] [data-run]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-run'))));
        expect(legend.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
        const fields = await page.locator('[data-testid="compare-diff"] tr[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')!));
        expect(fields).toEqual(expect.arrayContaining(['optimizer.learningRate']));
        expect(fields.some((f) => f.startsWith('model.initializer'))).toBe(true);
        await shot('compare');

        // A second sweep, stopped while its first run trains: the run that ran is kept, and the panel says so.
        await page.evaluate(() => (location.hash = '#/train'));
        await page.locator('[data-testid="grid-sweep"]').waitFor();
        await smallSettings(page);
        expect(await plan(page).getAttribute('data-runs')).toBe('4');
        await page.click('[data-testid="grid-start"]');
        await expect.poll(() => page.locator('[data-testid="grid-progress"] li').count(), { timeout: 30_000 }).toBe(4);
        // The sweep's own first run has trained a few steps (the Train view may still show the last sweep's run).
        const firstOfSweep = page.locator('[data-testid="grid-progress"] li').first();
        await expect.poll(() => firstOfSweep.getAttribute('data-step').then(Number), { timeout: 60_000 }).toBeGreaterThan(5);
        await page.click('[data-testid="grid-stop"]');
        const stopped = page.locator('[data-testid="grid-stopped"]');
        await stopped.waitFor({ timeout: 30_000 });
        await expect.poll(() => page.locator('[data-testid="grid-progress"]').getAttribute('data-done'), { timeout: 30_000 }).toBe('yes');
        expect(await stopped.textContent()).toMatch(lang === 'ja' ? /終了した 1 件の実行は履歴に残り/ : /Runs that finished are kept in History \(1\)/);
        expect(await page.locator('[data-testid="train-queue"]').count()).toBe(0);
        expect(await page.evaluate(() => location.hash)).not.toMatch(/compare/);
        await grid.screenshot({ path: join(OUT_DIR, `grid-sweep-stopped-${lang}.png`) });
      } finally {
        await app.close();
      }
    }, 420_000);
  }
});
