// UI frame rate during a live run: start the web host and Chromium (the e2e harness), run the deep 10-layer
// sigmoid preset on a subset with statistics every batch, let the charts fill, then count requestAnimationFrame
// callbacks for ~5 s. Target ≥ 30 fps. Run: npx electron-vite build && npx tsx bench/ui-fps.ts
import { join } from 'node:path';
import { startApp } from '../test/e2e/harness';

const WARMUP_STEPS = Number(process.env.WARMUP_STEPS ?? 400);
const MEASURE_MS = Number(process.env.MEASURE_MS ?? 5000);

async function main(): Promise<void> {
  const app = await startApp({ viewport: { width: 1600, height: 1200 } });
  const { page } = app;
  try {
    await page.locator('[data-testid="train-view"]').waitFor();
    await page.selectOption('[data-testid="preset-picker"]', 'deep-sigmoid');
    for (const [field, value] of [['trainSize', '15000'], ['testSize', '500'], ['batchSize', '32'], ['epochs', '10']] as const) {
      await page.fill(`[data-field="${field}"]`, value);
    }
    await page.click('[data-testid="run-start"]');
    const bar = page.locator('[data-testid="run-progress"]');
    const t0 = Date.now();
    while (Number(await bar.getAttribute('data-step')) < WARMUP_STEPS && Date.now() - t0 < 120_000) await page.waitForTimeout(250);
    const before = Number(await bar.getAttribute('data-step'));
    // A string, not a function: tsx's transpiler would add helpers the page does not have.
    const result = (await page.evaluate(`new Promise((resolve) => {
      let frames = 0, worst = 0, last = performance.now();
      const start = last;
      const tick = (now) => {
        frames++;
        worst = Math.max(worst, now - last);
        last = now;
        if (now - start < ${MEASURE_MS}) requestAnimationFrame(tick);
        else resolve({ frames, seconds: (performance.now() - start) / 1000, worstFrameMs: worst });
      };
      requestAnimationFrame(tick);
    })`)) as { frames: number; seconds: number; worstFrameMs: number };
    const after = Number(await bar.getAttribute('data-step'));
    await page.screenshot({ path: join(app.outDir, 'bench-ui-fps.png'), fullPage: true });
    await page.click('[data-testid="run-stop"]').catch(() => undefined);
    const fps = result.frames / result.seconds;
    console.log(
      JSON.stringify({
        fps: Math.round(fps * 10) / 10,
        frames: result.frames,
        seconds: Math.round(result.seconds * 100) / 100,
        worstFrameMs: Math.round(result.worstFrameMs),
        stepsAtStart: before,
        stepsDuringMeasure: after - before,
        layers: 11,
        target: 30,
        pass: fps >= 30,
      }),
    );
    if (fps < 30) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main();
