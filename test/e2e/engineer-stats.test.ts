// What an engineer checks, and the explanations where the eye is, in Chromium through the web host in both
// languages: a short seed-keras run fills the engineer's chart (‖W‖ and the activations per layer as lines, the
// saturated hidden layer's update/weight far under the guide band); the loss chart carries the labelled ln 10 line
// with the plateau drawn on it; a chart's ⓘ opens its explanation, whose link opens the Learn step that
// explains it. Then the saved run, in Japanese at 1280×720. Screenshots: test-results/e2e/engineer-*.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { englishWordsIn } from './latin-words';

/**
 * seed-keras, one epoch of 3000 steps: long enough for its confidently wrong opening (loss near 25) to fall onto
 * the ln 10 plateau within the first tenth of the run, as the full run does.
 */
async function startSeedKeras(app: App): Promise<void> {
  const { page } = app;
  await page.selectOption('[data-testid="preset-picker"]', 'seed-keras');
  for (const [field, value] of [['trainSize', '48000'], ['testSize', '200'], ['batchSize', '16'], ['epochs', '1'], ['histogramEvery', '100']] as const) {
    await page.fill(`[data-field="${field}"]`, value);
  }
  await expect.poll(() => page.locator('[data-testid="run-start"]').isDisabled(), { timeout: 60_000 }).toBe(false);
  await page.click('[data-testid="run-start"]');
  await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('completed');
}

/** The y (in its panel) of the smoothed loss at its last point, and the panel's height, read from the SVG. */
const LOSS_GEOMETRY = `(() => {
  const panel = document.querySelector('[data-testid="chart-loss-accuracy"] [data-panel="loss"]');
  const d = panel.querySelector('[data-series="smoothed"]').getAttribute('d');
  const ys = [...d.matchAll(/[ML,]\\s*[-\\d.e]+,([-\\d.e]+)/g)].map((m) => Number(m[1]));
  const ref = Number(panel.querySelector('[data-uniform-loss]').getAttribute('y1'));
  const axis = panel.querySelector('line[data-uniform-loss]').getBoundingClientRect();
  return { lastY: ys[ys.length - 1], ref, panelH: panel.getBBox().height, refOnScreen: axis.width > 0 };
})()`;

/** Whether every point of layer 1's update/weight line lies below the guide band's lower edge. */
const BELOW_BAND = `(() => {
  const chart = document.querySelector('[data-testid="chart-engineer-stats"]');
  const band = chart.querySelector('[data-guide-band]');
  const edge = Number(band.getAttribute('y')) + Number(band.getAttribute('height'));
  const d = chart.querySelector('[data-layer-line="0"]').getAttribute('d');
  const ys = [...d.matchAll(/[ML,]\\s*[-\\d.e]+,([-\\d.e]+)/g)].map((m) => Number(m[1]));
  return ys.length > 10 && ys.every((y) => y > edge);
})()`;

describe('engineer statistics and explanations in Chromium', () => {
  let app: App;
  let runUrl = '';
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1920, height: 1080 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the engineer’s per-layer lines, the ln 10 line and an explanation that leads to its Learn step (English)', async () => {
    const { page } = app;
    await page.locator('[data-testid="train-view"]').waitFor();
    await startSeedKeras(app);
    runUrl = page.url();

    const chart = page.locator('[data-testid="chart-engineer-stats"]');
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.locator('[data-chart-title]').textContent()).toBe('Update / weight ratio per layer');
    // seed-keras: the saturated hidden layer barely moves — its update/weight lies under the 10⁻⁴…10⁻² band.
    expect(Number(await chart.locator('[data-layer-line="0"]').getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await page.evaluate(BELOW_BAND)).toBe(true);
    await chart.locator('[data-pick-layer="1"]').click();
    expect(Number(await chart.locator('[data-layer-line="1"]').getAttribute('data-points'))).toBeGreaterThan(10);
    await chart.locator('[data-metric="weightNorm"]').click();
    expect(await chart.locator('[data-chart-title]').textContent()).toBe('Weight norm ‖W‖ per layer');
    for (const l of ['0', '1']) expect(Number(await chart.locator(`[data-layer-line="${l}"]`).getAttribute('data-points'))).toBeGreaterThan(10);
    await chart.locator('[data-metric="actStd"]').click();
    expect(await chart.locator('[data-legend-layer]').count()).toBe(2);
    await chart.locator('[data-metric="weightNorm"]').click();
    await page.locator('[data-testid="explain-engineer-stats"]').click();
    expect(await page.locator('[data-testid="note-engineer-stats"]').textContent()).toContain('Update/weight ‖ΔW‖/‖W‖');
    await chart.screenshot({ path: join(app.outDir, 'engineer-stats-en.png') });

    // The loss chart: the ln 10 line, labelled, and the plateau of this run drawn on it, below the panel's top.
    const loss = page.locator('[data-testid="chart-loss-accuracy"]');
    await loss.scrollIntoViewIfNeeded();
    expect(await loss.locator('[data-uniform-label]').textContent()).toBe('ln 10 ≈ 2.303');
    expect(await loss.locator('[data-testid="loss-uniform-legend"]').textContent()).toContain('uniform guess over 10 classes');
    await loss.screenshot({ path: join(app.outDir, 'engineer-loss-ln10-en.png') });
    const g = (await page.evaluate(LOSS_GEOMETRY)) as { lastY: number; ref: number; panelH: number; refOnScreen: boolean };
    expect(g.refOnScreen).toBe(true);
    // The plateau fills the panel: the line sits in its upper part, below the top, with the loss resting on it;
    // the opening above the axis is named.
    expect(g.ref).toBeGreaterThan(0.05 * g.panelH);
    expect(g.ref).toBeLessThan(0.35 * g.panelH);
    expect(Math.abs(g.lastY - g.ref)).toBeLessThan(0.05 * g.panelH);
    expect(await loss.locator('[data-testid="loss-above-legend"]').textContent()).toContain('above the axis');
    expect(Number(await loss.locator('[data-loss-above]').getAttribute('data-loss-above'))).toBeGreaterThan(10);

    // The loss chart's ⓘ, keyboard only: focus, Enter, then follow its Learn link.
    const info = page.locator('[data-testid="explain-loss-accuracy"]');
    await info.focus();
    await page.keyboard.press('Enter');
    expect(await info.getAttribute('aria-expanded')).toBe('true');
    const note = page.locator('[data-testid="note-loss-accuracy"]');
    expect(await note.textContent()).toContain('ln 10 ≈ 2.303');
    await note.locator('a[data-learn-link]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="learn-view"]').waitFor();
    expect(page.url()).toContain('#/learn?step=3');
    expect(await page.locator('[data-testid="step-3"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="step-panel-3"]').waitFor();
    await page.screenshot({ path: join(app.outDir, 'engineer-learn-step3-en.png') });
  });

  it('reads the saved run in Japanese at 1280×720, and the saturation ⓘ leads to the theory', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.click('[data-testid="lang-ja"]');
    await page.goto(runUrl);
    await page.reload();
    await page.locator('[data-testid="train-saved"]').waitFor({ timeout: 30_000 });
    const chart = page.locator('[data-testid="chart-engineer-stats"]');
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.locator('[data-chart-title]').textContent()).toBe('層ごとの更新量 / 重みの比');
    expect(await page.evaluate(BELOW_BAND)).toBe(true);
    await chart.locator('[data-metric="actMean"]').click();
    expect(await chart.locator('[data-chart-title]').textContent()).toBe('層ごとの活性の平均');
    // The saturated layer's mean sits flat near 1 on an axis with distinct labels (not "1, 1, 1" over 10⁻⁵).
    const ticks = await chart.locator('[data-axis="y"] [data-tick]').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(Number(await chart.locator('[data-layer-line="0"]').getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="chart-loss-accuracy"] [data-testid="loss-uniform-legend"]').textContent()).toContain('当てずっぽう');

    await page.locator('[data-testid="explain-engineer-stats"]').click();
    const engNote = (await page.locator('[data-testid="note-engineer-stats"]').textContent()) ?? '';
    expect(engNote).toContain('目安はおよそ 10⁻³');
    expect(engNote).toContain('「しくみ」で詳しく');
    await chart.screenshot({ path: join(app.outDir, 'engineer-stats-ja.png') });

    // Every explanation on the Train view, opened in Japanese, keeps only the names the UI keeps in Latin letters.
    const buttons = page.locator('[data-testid^="explain-"][aria-expanded="false"]');
    expect(await buttons.count()).toBeGreaterThanOrEqual(6);
    while ((await buttons.count()) > 0) await buttons.first().click();
    const notes = await page.locator('[data-chart-note]').allTextContents();
    expect(notes.length).toBeGreaterThanOrEqual(7);
    expect(englishWordsIn(notes.join(' '))).toEqual([]);
    for (const n of notes) expect(n).toContain('「しくみ」で詳しく');
    await page.screenshot({ path: join(app.outDir, 'engineer-train-notes-ja.png'), fullPage: true });
    await page.locator('[data-testid="chart-loss-accuracy"]').screenshot({ path: join(app.outDir, 'engineer-loss-note-ja.png') });

    const sat = page.locator('[data-testid="chart-saturation"]');
    await sat.scrollIntoViewIfNeeded();
    const note = page.locator('[data-testid="note-saturation"]');
    expect(await note.textContent()).toContain('飽和：');
    await sat.screenshot({ path: join(app.outDir, 'engineer-saturation-note-ja.png') });
    await note.locator('a[data-learn-link]').click();
    await page.locator('[data-testid="theory"]').waitFor();
    expect(page.url()).toContain('#/learn?section=theory');
    await expect.poll(() => page.evaluate(() => Math.round(document.querySelector('[data-testid="theory"]')!.getBoundingClientRect().top))).toBeLessThan(200);
    await page.screenshot({ path: join(app.outDir, 'engineer-learn-theory-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
