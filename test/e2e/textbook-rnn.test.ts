// The 『ゼロから作るDeep Learning ❷』6.1 presets in Chromium through the web host: the W_h std shows in the Train
// form; the growth preset's time-step chart rises towards the first steps (勾配爆発) and the run ends diverged;
// with gradient clipping the same run completes; the decay preset's chart falls towards the first steps
// (勾配消失). English and Japanese; screenshots in test-results/e2e/textbook-rnn-*.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

/**
 * The y pixel of the first (t = 1) and last (t = T) point of the step-0 profile ('first', drawn faded) or the
 * latest one: smaller y is a larger norm.
 */
async function ends(app: App, series: 'first' | 'latest'): Promise<{ first: number; last: number }> {
  const ds = await app.page.locator(`[data-testid="chart-time-gradient"] path[data-series="${series}"]`).evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  const points = ds.flatMap((d) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const));
  expect(points.length).toBe(20);
  return { first: points[0]![1], last: points.at(-1)![1] };
}

async function runPreset(app: App, preset: string, status: string): Promise<void> {
  const { page } = app;
  await page.selectOption('[data-testid="preset-picker"]', preset);
  for (const [field, value] of [['trainSize', '2000'], ['testSize', '100'], ['epochs', '1']] as const) await page.fill(`[data-field="${field}"]`, value);
  await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled()).toBe(false);
  const before = page.url();
  await page.click('[data-testid="run-start"]');
  // A new run gets its own address (#/train?run=N); only then are status and chart its own.
  await expect.poll(() => page.url(), { timeout: 30_000 }).not.toBe(before);
  await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 90_000, interval: 500 }).toBe(status);
  await expect.poll(() => page.locator('[data-testid="chart-time-gradient"] svg[data-chart]').getAttribute('data-measured'), { timeout: 30_000 }).toBe('yes');
}

describe('ゼロつく❷ ch. 6 presets in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1400 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the growth preset: W_h spectral radius 1.76 in the form, the signal rises towards the first steps, and the run diverges', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.selectOption('[data-testid="preset-picker"]', 'zero2-ch6-rnn-explode');
    expect(await page.inputValue('[data-field="recurrentRadius"]')).toBe('1.76');
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="preset-description"]').textContent()).toContain('勾配爆発');
    expect(await page.locator('label:has([data-field="recurrentRadius"]) .name').textContent()).toBe('再帰重みのスペクトル半径');
    await page.locator('.config.panel').screenshot({ path: join(app.outDir, 'textbook-rnn-explode-form-ja.png') });
    await page.click('[data-testid="lang-en"]');
    await runPreset(app, 'zero2-ch6-rnn-explode', 'diverged');
    // At step 0 (before the weights blew up and saturated every tanh) the signal grows with every step back.
    // (The axis also spans the later, blown-up profile, so the step-0 one takes few pixels.)
    const { first, last } = await ends(app, 'first');
    expect(first).toBeLessThan(last - 5);
    await page.locator('[data-testid="time-charts"]').screenshot({ path: join(app.outDir, 'textbook-rnn-explode-en.png') });
  });

  it('the same W_h with gradient clipping completes', async () => {
    await runPreset(app, 'zero2-ch6-rnn-clip', 'completed');
    const { first, last } = await ends(app, 'first');
    expect(first).toBeLessThan(last);
    await app.page.screenshot({ path: join(app.outDir, 'textbook-rnn-clip-en.png'), fullPage: true });
  });

  it('the decay preset: the signal falls towards the first steps', async () => {
    const { page } = app;
    await runPreset(app, 'zero2-ch6-rnn-vanish', 'completed');
    for (const series of ['first', 'latest'] as const) {
      const { first, last } = await ends(app, series);
      expect(first, series).toBeGreaterThan(last + 20);
    }
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.locator('[data-testid="preset-picker"]').textContent()).toContain('勾配消失（図6-9）');
    await page.locator('[data-testid="time-charts"]').screenshot({ path: join(app.outDir, 'textbook-rnn-vanish-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
