// The Learn view in Chromium through the built web host: the reader steps through ①–⑤ and every number
// shown matches the toy network's own computation; the screenshot is kept for a human look at the layout.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, backprop, trainStep } from '../../electron/common/toy-network';
import { startApp, type App } from './harness';

describe('Learn view in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The number an element shows, read back from its text (d3-format writes a typographic minus). */
  async function shown(testid: string): Promise<number> {
    const text = (await app.page.getByTestId(testid).textContent()) ?? '';
    const value = Number(text.trim().replace(/\u2212/g, '-'));
    if (!Number.isFinite(value)) throw new Error(`${testid} shows "${text}", not a number`);
    return value;
  }

  async function expectShown(testid: string, expected: number): Promise<void> {
    const v = await shown(testid);
    // Four significant digits: within 5e-4 of the computed value, relatively.
    expect(Math.abs(v - expected), `${testid}: shown ${v}, computed ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * 5e-4 + 1e-15);
  }

  it('steps through ①–⑤ showing the numbers the toy network computes', async () => {
    const { page } = app;
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('learn-view').waitFor();
    expect(await page.getByTestId('unit-y').textContent()).toBe('?');

    const setup = DEFAULT_SETUP;
    const bp = backprop(setup);
    const step = trainStep(setup);

    await page.getByTestId('step-1').click();
    await expectShown('edge-w11', setup.params.w[0][0]);
    await expectShown('edge-v1', setup.params.v[0]);

    await page.getByTestId('step-2').click();
    await expectShown('unit-h1', bp.forward.h[0]);
    await expectShown('unit-h2', bp.forward.h[1]);
    await expectShown('unit-y', bp.forward.y);

    await page.getByTestId('step-3').click();
    await expectShown('err-E', bp.error);
    await expectShown('diagram-E', bp.error);

    await page.getByTestId('step-4').click();
    await expectShown('grad-v1-value', bp.v[0].value);
    for (const [k, f] of bp.v[0].factors.entries()) await expectShown(`grad-v1-factor-${k}`, f.value);
    await expectShown('update-v1', step.params.v[0]);

    await page.getByTestId('step-5').click();
    for (const [k, f] of bp.w[0][0].split.entries()) await expectShown(`split-w11-factor-${k}`, f.value);
    for (const [k, f] of bp.w[0][0].factors.entries()) await expectShown(`grad-w11-factor-${k}`, f.value);
    await expectShown('grad-w11-value', bp.w[0][0].value);
    await expectShown('update-w11', step.params.w[0][0]);
    await expectShown('edge-w11-next', step.params.w[0][0]);

    await page.getByTestId('network-diagram').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(app.outDir, 'learn.png'), fullPage: true });
  });

  it('draws 0.25^N on a true log axis: powers of ten are evenly spaced', async () => {
    const ys = await app.page
      .getByTestId('theory-power')
      .locator('text.tick')
      .evaluateAll((els) =>
        els
          .filter((e) => (e.getAttribute('text-anchor') ?? '') === 'end')
          .map((e) => ({ label: e.textContent ?? '', y: Number(e.getAttribute('y')) })),
      );
    const decades = ys.filter((t) => t.label.startsWith('10') || t.label === '1');
    expect(decades.length).toBeGreaterThanOrEqual(4);
    const gaps = decades.slice(1).map((t, i) => t.y - decades[i].y);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 6);
  });

  it('shows the same steps in Japanese', async () => {
    await app.page.getByTestId('lang-ja').click();
    await expect.poll(() => app.page.getByTestId('step-1').textContent()).toBe('① 初期化');
    await expectShown('grad-w11-value', backprop(DEFAULT_SETUP).w[0][0].value);
    await app.page.screenshot({ path: join(app.outDir, 'learn-ja.png'), fullPage: true });
    await app.page.getByTestId('lang-en').click();
  });

  it('opens the Train view with the He-init remedy ready, and with seed-keras', async () => {
    const { page } = app;
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('open-train-he-init').click();
    await expect.poll(() => page.getByTestId('preset-picker').inputValue()).toBe('seed-he');
    expect(await page.getByTestId('nav-train').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('open-train-seed-keras').click();
    await expect.poll(() => page.getByTestId('preset-picker').inputValue()).toBe('seed-keras');
  });
});
