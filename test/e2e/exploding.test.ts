// Exploding gradients in Chromium through the web host: the deep ReLU preset with too large an initial scale
// runs live and ends "diverged" at the step its loss stopped being finite, its gradient norm climbing by orders of
// magnitude in the chart; the clipping remedy trains to the end and says how many steps it clipped. Both are then
// opened from their address in Japanese, and the Learn view's deeper chain grows with |w·f′| above 1.
// Screenshots go to test-results/e2e/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

/** The exponent of a power-of-ten label: "10⁻³" → −3. */
function exponentOf(label: string): number {
  const sup = label.replace(/^10/, '');
  const digits = [...sup.replace('⁻', '')].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join('');
  return (sup.startsWith('⁻') ? -1 : 1) * Number(digits);
}

async function setField(app: App, field: string, value: string): Promise<void> {
  await app.page.fill(`[data-field="${field}"]`, value);
}

describe('exploding gradients and clipping in Chromium', () => {
  let app: App;
  let divergedStep = -1;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1400 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the exploding preset diverges at the step of its first non-finite loss, its norm climbing', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.selectOption('[data-testid="preset-picker"]', 'explode-relu');
    expect(await page.locator('[data-testid="preset-description"]').textContent()).toContain('diverges');
    await setField(app, 'trainSize', '2000');
    await setField(app, 'testSize', '200');
    await setField(app, 'epochs', '1');
    await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled(), { timeout: 60_000 }).toBe(false);
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 250 }).toBe('diverged');
    const alert = (await page.locator('[data-testid="run-diverged"]').textContent()) ?? '';
    divergedStep = Number(/diverged at step (\d+)/.exec(alert)?.[1]);
    expect(divergedStep).toBeGreaterThan(0);
    // The trainer's own reason names the same step: the loss at that step was the first non-finite value.
    expect(alert).toMatch(new RegExp(`loss became (NaN|Infinity) at step ${divergedStep} `));
    const chart = page.locator('[data-testid="chart-gradient-norm"]');
    await expect.poll(async () => (await chart.locator('[data-line="before"]').getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
    // The log axis spans many decades: the norm climbed by orders of magnitude before the blow-up.
    const ticks = await chart.locator('[data-axis="y"] [data-tick]').allTextContents();
    const exps = ticks.map(exponentOf);
    expect(Math.max(...exps) - Math.min(...exps)).toBeGreaterThanOrEqual(3);
    expect(await chart.textContent()).toContain('This run does not clip');
    expect(await chart.locator(`[data-diverged-step="${divergedStep}"]`).count()).toBe(1);
    await page.screenshot({ path: join(app.outDir, 'exploding-relu-diverged.png'), fullPage: true });
    await chart.screenshot({ path: join(app.outDir, 'exploding-relu-gradient-norm.png') });
  });

  it('the clipping remedy trains to the end and counts its clipped steps', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="preset-picker"]', 'explode-relu-clip');
    expect(await page.locator('[data-field="clipKind"]').inputValue()).toBe('norm');
    expect(await page.locator('[data-field="clipThreshold"]').inputValue()).toBe('5');
    await setField(app, 'trainSize', '3000');
    await setField(app, 'testSize', '200');
    await setField(app, 'epochs', '1');
    await page.click('[data-testid="run-start"]');
    await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 250 }).toBe('completed');
    const chart = page.locator('[data-testid="chart-gradient-norm"]');
    await expect.poll(async () => (await chart.locator('[data-testid="clip-count"]').textContent()) ?? '').toMatch(/^Clipped \d+ of 24 steps\.$/);
    const clippedCount = Number(/Clipped (\d+)/.exec((await chart.locator('[data-testid="clip-count"]').textContent())!)![1]);
    expect(clippedCount).toBeGreaterThan(0);
    expect(await chart.locator('[data-clipped-step]').count()).toBe(clippedCount);
    expect((await chart.locator('[data-line="after"]').getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
    expect(await chart.locator('[data-threshold="5"]').count()).toBe(1);
    await page.screenshot({ path: join(app.outDir, 'exploding-relu-clip-completed.png'), fullPage: true });
    await chart.screenshot({ path: join(app.outDir, 'exploding-relu-clip-gradient-norm.png') });
  });

  it('opens both saved runs from their address in Japanese', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-ja"]');
    await page.goto(app.url.replace(/#.*$/, '') + '#/train?run=1');
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="run-status"]').textContent()).toContain('発散');
    expect(await page.locator('[data-testid="run-diverged"]').textContent()).toContain(`ステップ ${divergedStep} で発散しました`);
    // Shortened (3 000 images, one epoch), the run opens as an edited preset: what was changed is listed.
    expect(await page.locator('[data-testid="preset-picker"]').getAttribute('data-custom')).toBe('true');
    await page.locator('[data-testid="preset-changes"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="chart-gradient-norm"]').textContent()).toContain('勾配ノルム');
    await page.screenshot({ path: join(app.outDir, 'exploding-relu-saved-ja.png'), fullPage: true });

    await page.goto(app.url.replace(/#.*$/, '') + '#/train?run=2');
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="run-status"]').textContent()).toContain('完了');
    await expect.poll(() => page.locator('[data-testid="clip-count"]').textContent()).toMatch(/^24 ステップ中 \d+ ステップでクリッピングしました。$/);
    expect(await page.locator('[data-field="clipKind"]').textContent()).toContain('全体のノルムで');
    await page.locator('[data-testid="chart-gradient-norm"]').screenshot({ path: join(app.outDir, 'exploding-relu-clip-saved-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });

  it('the Learn view’s deeper chain grows when |w·f′| is above 1, in both languages', async () => {
    const { page } = app;
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('learn-view').waitFor();
    await page.selectOption('[data-testid="deeper-activation"]', 'relu');
    await page.fill('[data-testid="deeper-weight"]', '1.5');
    await page.locator('[data-testid="deeper-depth"]').fill('12');
    await expect.poll(() => page.getByTestId('deeper-explode').textContent()).toContain('12 layers');
    expect(await page.getByTestId('deeper-factor').textContent()).toContain('exploding gradient');
    const deeper = page.getByTestId('deeper');
    await deeper.screenshot({ path: join(app.outDir, 'exploding-learn-deeper.png') });
    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => page.getByTestId('deeper-explode').textContent()).toContain('勾配爆発');
    await deeper.screenshot({ path: join(app.outDir, 'exploding-learn-deeper-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
