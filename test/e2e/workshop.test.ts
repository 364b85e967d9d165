// A workshop in Chromium, in both languages, at 1280×720 and 1920×1080: presenter mode driven by the keyboard
// through the Learn steps, the tutorial run, its remedies and Compare; "change one thing" names the custom runs
// from their settings; the queue is used (added to, reordered, cancelled) while a run trains, and the Train view
// follows the queue to the next run. Screenshots: test-results/e2e/workshop-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, startApp } from './harness';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const LOCALES = ['en-US', 'ja-JP'];

const status = (page: Page) => page.locator('[data-testid="run-status"]').getAttribute('data-status');

describe('a workshop, keyboard-driven', () => {
  for (const viewport of SIZES) {
    for (const locale of LOCALES) {
      const tag = `${viewport.width}x${viewport.height}-${locale.slice(0, 2)}`;
      it(`runs at ${viewport.width}×${viewport.height} in ${locale}`, async () => {
        const app = await startApp({ locale, viewport });
        const { page } = app;
        const shot = (name: string) => page.screenshot({ path: join(OUT_DIR, `workshop-${name}-${tag}.png`) });
        try {
          // Learn: presenter mode on, two steps forward and one back with the arrow keys.
          await page.evaluate(() => (location.hash = '#/learn'));
          await page.locator('[data-testid="learn-view"]').waitFor();
          await page.keyboard.press('p');
          expect(await page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on');
          for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
          expect(await page.locator('[data-testid="step-2"]').getAttribute('aria-pressed')).toBe('true');
          await shot('learn');

          // The tutorial, small: settings are set with presenter mode off, then S starts it.
          await page.click('[data-testid="open-train-seed-keras"]');
          await page.locator('[data-testid="train-view"]').waitFor();
          expect(await page.locator('[data-testid="train-view"] aside').isHidden()).toBe(true);
          await page.keyboard.press('p');
          for (const [f, v] of [['trainSize', '600'], ['testSize', '200'], ['batchSize', '16'], ['epochs', '200']] as const) await page.fill(`[data-field="${f}"]`, v);
          await expect.poll(() => page.locator('[data-testid="backend-info"]').textContent(), { timeout: 60_000 }).toContain('wasm');
          // Keys typed into a field are the field's: leave it first.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await page.keyboard.press('p');
          await page.keyboard.press('s');
          await expect.poll(() => status(page), { timeout: 60_000 }).toBe('running');
          const steps = () => page.locator('[data-testid="run-progress"]').getAttribute('data-step').then(Number);
          await expect.poll(steps, { timeout: 60_000 }).toBeGreaterThan(20);
          const first = Number(/run=(\d+)/.exec(await page.evaluate(() => location.hash))![1]);

          // While it trains: change one thing at a time and queue each; reorder and cancel in the queue.
          await page.keyboard.press('p');
          await page.click('[data-change="he"]');
          expect(await page.locator('[data-testid="preset-changes"]').textContent()).toMatch(/He/);
          await page.click('[data-testid="run-start"]');
          await page.locator('[data-testid="train-queue"] li').first().waitFor();
          await page.click('[data-change="relu"]');
          await page.click('[data-testid="run-start"]');
          await page.click('[data-change="batchNorm"]');
          await page.click('[data-testid="run-start"]');
          await expect.poll(() => page.locator('[data-testid="train-queue"] li').count()).toBe(3);
          const queued = await page.locator('[data-testid="train-queue"] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-queued'))));
          const names = await page.locator('[data-testid="train-queue"] li').allTextContents();
          // Under 日本語 the preset of a name made from settings reads in Japanese.
          expect(names[0]).toContain(locale === 'ja-JP' ? 'チュートリアルの再現（Keras） · ' : 'seed-keras · ');
          expect(names[0]).toContain('He');
          expect(names[1]).toContain('ReLU');
          // Named in the chosen language when started from the app.
          expect(names[2]).toContain(locale === 'ja-JP' ? '+バッチ正規化' : '+batch norm');
          await page.click(`[data-testid="queue-up-${queued[1]}"]`);
          await expect.poll(() => page.locator('[data-testid="train-queue"] li').first().getAttribute('data-queued')).toBe(String(queued[1]));
          await page.click(`[data-testid="queue-cancel-${queued[2]}"]`);
          await expect.poll(() => page.locator('[data-testid="train-queue"] li').count()).toBe(2);
          await shot('queue');

          // Presenter mode: one chart full screen after another, then S stops the tutorial run and the view
          // follows the queue to the ReLU run (moved to the front), which S stops in turn.
          await page.keyboard.press('p');
          await page.keyboard.press('c');
          await expect.poll(() => page.locator('.presenter-full').count()).toBe(1);
          await page.keyboard.press('c');
          const full = await page.locator('.presenter-full').getAttribute('data-testid');
          expect(full).toMatch(/^chart-/);
          await shot('chart-full');
          await page.keyboard.press('Escape');
          expect(await page.locator('.presenter-full').count()).toBe(0);
          await shot('presenter-train');
          await page.keyboard.press('s');
          await expect.poll(() => page.evaluate(() => location.hash), { timeout: 60_000 }).toBe(`#/train?run=${queued[1]}`);
          await page.locator('[data-testid="train-moved"]').waitFor();
          await expect.poll(() => status(page), { timeout: 60_000 }).toBe('running');
          await expect.poll(steps, { timeout: 60_000 }).toBeGreaterThan(20);
          await page.keyboard.press('s');
          await expect.poll(() => status(page), { timeout: 60_000 }).toBe('stopped');

          // Compare the tutorial run and its remedy, a chart full screen.
          await page.evaluate((h) => (location.hash = h), `#/compare?runs=${first},${queued[1]}`);
          await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
          await page.keyboard.press('c');
          await expect.poll(() => page.locator('.presenter-full').count()).toBe(1);
          await shot('compare-full');
          await page.keyboard.press('Escape');
        } finally {
          await app.close();
        }
      });
    }
  }
});
