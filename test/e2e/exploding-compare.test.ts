// Exploding gradients against their cure, side by side in Chromium: the deep ReLU preset (diverges) and the same
// network clipped by global norm (trains), both trained for real by the CLI into one database, then seen in the
// History (the diverged step beside the status, the clipped steps as a badge) and in Compare (‖g‖ per step of
// both runs on one log axis, before and after clipping, the diverged step marked; the layer profile drawing the
// ReLU runs' measured factor per layer), in English and Japanese. Screenshots go to test-results/e2e/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, type App } from './harness';

const ENTRY = join(ROOT, 'electron/cli/index.ts');

/** Train a preset with the CLI (from source) into `db`; returns its JSON lines. */
function train(db: string, preset: string, trainSize: number): Record<string, unknown>[] {
  const args = ['--import', 'tsx', ENTRY, 'run', '--preset', preset, '--epochs', '1', '--train-size', String(trainSize), '--test-size', '100', '--db', db, '--json'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, GRADIENT_LAB_DB: '' } });
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('Compare: explode-relu against explode-relu-clip in Chromium', () => {
  let app: App;
  let tmp = '';
  let divergedStep = -1;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-explode-compare-'));
    const db = join(tmp, 'lab.db');
    const explode = train(db, 'explode-relu', 2000);
    expect(explode.at(-1)).toMatchObject({ type: 'diverged', runId: 1 });
    divergedStep = Number(/at step (\d+)/.exec(JSON.stringify(explode.at(-1)))![1]);
    expect(train(db, 'explode-relu-clip', 3000).at(-1)).toMatchObject({ type: 'done', runId: 2, status: 'completed' });
    app = await startApp({ viewport: { width: 1600, height: 1300 }, locale: 'en-US', dbPath: db });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('History shows the diverged step and the clipped steps', async () => {
    const { page } = app;
    await page.click('[data-testid="nav-history"]');
    const row = (id: number) => page.locator(`[data-testid="history-table"] tr[data-run="${id}"]`);
    await row(2).waitFor({ timeout: 30_000 });
    expect(await row(1).locator('[data-diverged-step]').textContent()).toBe(`at step ${divergedStep}`);
    expect(await row(1).locator('[data-clipped]').count()).toBe(0);
    expect((await row(2).locator('[data-clipped]').textContent())!.trim()).toMatch(/^\d+ \/ 24$/);
    expect(Number(await row(2).locator('[data-clipped]').getAttribute('data-clipped'))).toBeGreaterThan(0);
    await page.locator('[data-testid="history-table"]').screenshot({ path: join(app.outDir, 'explode-compare-history.png') });
  });

  it('Compare overlays both runs’ gradient norm per step, before and after clipping, in both languages', async () => {
    const { page } = app;
    await page.goto(app.url.replace(/#.*$/, '') + '#/compare?runs=1,2');
    const chart = page.locator('[data-testid="chart-compare-grad-norm"]');
    await chart.waitFor({ timeout: 30_000 });
    await expect.poll(() => chart.locator('[data-gnorm-run="2"][data-kind="after"]').count()).toBeGreaterThan(0);
    expect(await chart.locator('[data-gnorm-run="1"][data-kind="before"]').count()).toBeGreaterThan(0);
    expect(await chart.locator('[data-gnorm-run="1"][data-kind="after"]').count()).toBe(0);
    expect(await chart.locator('[data-diverged-run="1"]').getAttribute('data-diverged-step')).toBe(String(divergedStep));
    const text = (await chart.textContent()) ?? '';
    expect(text).toMatch(/Clipped \d+ of 24 steps\./);
    expect(text).toContain(`diverged at step ${divergedStep}`);
    // The exploding run's norm spans decades: the log axis has at least three decade ticks.
    expect(await chart.locator('[data-axis="y"] [data-tick]').count()).toBeGreaterThanOrEqual(3);
    // The layer profile draws the ReLU runs' measured factor, not the sigmoid bound.
    const profile = page.locator('[data-testid="chart-compare-layer-profile"]');
    expect(await profile.locator('[data-testid="profile-factor-legend"]').textContent()).toMatch(/r ≈ [\d.]+ \((grows: exploding|shrinks: vanishing|about constant)\)/);
    expect(await profile.locator('[data-testid="profile-bound-legend"]').count()).toBe(0);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(app.outDir, 'explode-compare-en.png'), fullPage: true });
    await chart.screenshot({ path: join(app.outDir, 'explode-compare-gnorm-en.png') });
    await profile.screenshot({ path: join(app.outDir, 'explode-compare-profile-en.png') });

    await page.click('[data-testid="lang-ja"]');
    await expect.poll(() => chart.textContent()).toContain('ステップごとの勾配ノルム');
    const ja = (await chart.textContent()) ?? '';
    expect(ja).toMatch(/24 ステップ中 \d+ ステップでクリッピングしました。/);
    expect(ja).toContain(`ステップ ${divergedStep} で発散`);
    expect(await profile.locator('[data-testid="profile-factor-legend"]').textContent()).toContain('実測 rᵏ');
    await page.screenshot({ path: join(app.outDir, 'explode-compare-ja.png'), fullPage: true });
    await chart.screenshot({ path: join(app.outDir, 'explode-compare-gnorm-ja.png') });
    await profile.screenshot({ path: join(app.outDir, 'explode-compare-profile-ja.png') });
    // On a 1024-wide projector the chart, its legend and its readout stay inside their frame; the page never scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => chart.evaluate((f) => f.scrollWidth <= f.clientWidth + 1)).toBe(true);
    const frame = (await chart.boundingBox())!;
    for (const part of await chart.locator('[data-chart-legend] > *, svg[data-chart]').all()) {
      const box = await part.boundingBox();
      if (!box) continue; // not displayed
      expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await chart.screenshot({ path: join(app.outDir, 'explode-compare-gnorm-ja-1024.png') });
    await page.setViewportSize({ width: 1600, height: 1300 });
    await page.click('[data-testid="nav-history"]');
    await page.locator('[data-testid="history-table"] tr[data-run="1"] [data-diverged-step]').waitFor();
    expect(await page.locator('[data-testid="history-table"] tr[data-run="1"] [data-diverged-step]').textContent()).toBe(`ステップ ${divergedStep}`);
    await page.locator('[data-testid="history-table"]').screenshot({ path: join(app.outDir, 'explode-compare-history-ja.png') });
    await page.click('[data-testid="lang-en"]');
  });
});
