// History and Compare in Chromium through the web host: a quick "seed + remedies" sweep on a tiny subset opens
// the comparison by itself with all four runs and exactly the differing settings; two runs exported, deleted
// and imported come back with identical numbers; a corrupt or foreign file changes nothing and says why; a
// running run cannot be deleted. Screenshots go to test-results/e2e/.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../electron/common/presets';
import type { Bundle } from '../../electron/common/bundle';
import { startApp, type App } from './harness';

/** Dotted config fields whose values differ between the seed family's presets (what the diff must show). */
function expectedDiff(): string[] {
  const flat = (v: unknown, p: string, out: Map<string, string>) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) flat(x, p ? `${p}.${k}` : k, out);
    else out.set(p, JSON.stringify(v));
    return out;
  };
  const maps = PRESETS.filter((p) => p.family === 'seed').map((p) => flat(p.config, '', new Map()));
  const fields = new Set(maps.flatMap((m) => [...m.keys()]));
  return [...fields].filter((f) => new Set(maps.map((m) => m.get(f) ?? '—')).size > 1).sort();
}

function readBundle(path: string): Bundle {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Bundle;
}

describe('History and Compare in Chromium through the web host', () => {
  let app: App;
  let sweepIds: number[] = [];
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1100 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const rows = () => app.page.locator('[data-testid="history-table"] tbody tr[data-run]');
  const notice = () => app.page.locator('[data-testid="history-notice"]');

  it('runs a quick seed + remedies sweep and opens the comparison with all its runs', async () => {
    const { page } = app;
    await page.click('[data-testid="nav-history"]');
    await page.locator('[data-testid="history-view"]').waitFor();
    await page.locator('[data-testid="history-empty"]').waitFor();
    expect(await page.locator('[data-testid="sweep-quick"]').isChecked()).toBe(true);
    await page.fill('[data-testid="sweep-trainSize"]', '300');
    await page.fill('[data-testid="sweep-testSize"]', '100');
    await page.fill('[data-testid="sweep-epochs"]', '1');
    await page.click('[data-testid="sweep-start-seed"]');
    await expect.poll(() => page.locator('[data-testid="sweep-progress"] li').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(4);
    await page.locator('[data-testid="sweep-progress"] li[data-status="running"]').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(app.outDir, 'history-sweep-running.png'), fullPage: true });

    // When the last run ends the comparison opens by itself.
    await page.waitForFunction(() => location.hash.startsWith('#/compare?runs='), null, { timeout: 170_000, polling: 500 });
    const view = page.locator('[data-testid="compare-view"]');
    await expect.poll(() => view.getAttribute('data-runs'), { timeout: 30_000 }).toMatch(/^\d+,\d+,\d+,\d+$/);
    sweepIds = (await view.getAttribute('data-runs'))!.split(',').map(Number);
    expect(await page.locator('[data-testid="compare-legend"] [data-run]').count()).toBe(4);
    const colours = await page.locator('[data-testid="compare-legend"] [data-run]').evaluateAll((els) => els.map((e) => e.getAttribute('data-colour')));
    expect(new Set(colours).size).toBe(4);
    expect(await page.locator('[data-testid="compare-summary"] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid="chart-compare-heatmaps"] [data-heat-panel]').count()).toBe(4);
    // The tutorial's first layer gets (almost always exactly) zero gradient: "no signal", or many decades below the output.
    const span = await page.locator(`[data-testid="compare-summary"] tr[data-run="${sweepIds[0]}"] [data-span]`).textContent();
    expect(span).toMatch(/no signal|−([5-9]|\d\d)\.\d decades/);

    const fields = await page.locator('[data-testid="compare-diff"] tr[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')!));
    expect(fields.sort()).toEqual(expectedDiff());
    await page.screenshot({ path: join(app.outDir, 'compare-seed-remedies.png'), fullPage: true });

    // A run toggled off leaves the charts.
    await page.click(`[data-testid="compare-legend"] [data-run="${sweepIds[0]}"]`);
    expect(await page.locator(`[data-testid="chart-compare-curves"] [data-run="${sweepIds[0]}"]`).count()).toBe(0);
    expect(await page.locator(`[data-testid="chart-compare-curves"] [data-run="${sweepIds[1]}"]`).count()).toBe(2);
    await page.click(`[data-testid="compare-legend"] [data-run="${sweepIds[0]}"]`);
    await page.click('[data-testid="lang-ja"]');
    await page.screenshot({ path: join(app.outDir, 'compare-seed-remedies-ja.png'), fullPage: true });
    await page.click('[data-testid="lang-en"]');
  });

  it('exports two runs, deletes them, imports the bundle: they are back with identical numbers', async () => {
    const { page } = app;
    const [keras, he] = sweepIds as [number, number];
    await page.click('[data-testid="nav-history"]');
    await expect.poll(() => rows().count()).toBe(4);
    const accBefore = await Promise.all([keras, he].map((id) => page.locator(`tr[data-run="${id}"] [data-final-acc]`).textContent()));
    // Notes and tags are saved as you type, and travel with the bundle.
    await page.click(`[data-testid="focus-${keras}"]`);
    await page.fill('[data-testid="edit-notes"]', 'Loss stuck at ln 10: the first layer gets no gradient.');
    await page.fill('[data-testid="edit-tags"]', 'workshop, seed');
    await expect.poll(() => page.locator('[data-testid="edit-state"]').getAttribute('data-state')).toBe('saved');
    await expect.poll(() => page.locator(`tr[data-run="${keras}"] .tag`).count()).toBe(2);
    await page.screenshot({ path: join(app.outDir, 'history-editor.png'), fullPage: true });
    await page.click(`[data-testid="select-${keras}"]`);
    await page.click(`[data-testid="select-${he}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-bundle"]')]);
    const bundlePath = join(app.outDir, 'two-runs.gradientlab.gz');
    await download.saveAs(bundlePath);
    const original = readBundle(bundlePath);
    expect(original.runs.map((r) => r.sourceId).sort()).toEqual([keras, he].sort());

    await page.click('[data-testid="delete-selected"]');
    await page.click('[data-testid="delete-confirm-yes"]');
    await expect.poll(() => rows().count()).toBe(2);
    expect(await page.locator(`tr[data-run="${keras}"]`).count()).toBe(0);

    await page.setInputFiles('[data-testid="import-file"]', bundlePath);
    await expect.poll(() => notice().textContent()).toContain('Imported 2 run(s)');
    expect(await notice().getAttribute('data-kind')).toBe('info');
    await expect.poll(() => rows().count()).toBe(4);
    await page.screenshot({ path: join(app.outDir, 'history-after-import.png'), fullPage: true });

    // The imported runs are selected: export them again and compare every number.
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-bundle"]')]);
    const againPath = join(app.outDir, 'two-runs-reimported.gradientlab.gz');
    await again.saveAs(againPath);
    const back = readBundle(againPath);
    expect(back.runs).toHaveLength(2);
    for (const run of original.runs) {
      const twin = back.runs.find((r) => r.name === run.name)!;
      expect(twin.sourceId).not.toBe(run.sourceId);
      expect(twin.final).toEqual(run.final);
      expect(twin.epochs).toEqual(run.epochs);
      expect(twin.steps).toEqual(run.steps);
      expect(twin.layerStats).toEqual(run.layerStats);
      expect(twin.config).toEqual(run.config);
      expect(twin.notes).toBe(run.notes);
    }
    expect(original.runs.find((r) => r.sourceId === keras)!.tags).toEqual(['workshop', 'seed']);
    const newIds = [keras, he].map((id) => back.runs.find((r) => r.name === original.runs.find((o) => o.sourceId === id)!.name)!.sourceId);
    const accAfter = await Promise.all(newIds.map((id) => page.locator(`tr[data-run="${id}"] [data-final-acc]`).textContent()));
    expect(accAfter).toEqual(accBefore);
  });

  it('refuses a corrupt or foreign file with a clear message and changes nothing', async () => {
    const { page } = app;
    const corrupt = join(app.outDir, 'corrupt.gradientlab.gz');
    writeFileSync(corrupt, 'this is not a bundle at all');
    await page.setInputFiles('[data-testid="import-file"]', corrupt);
    await expect.poll(() => notice().getAttribute('data-kind')).toBe('error');
    expect(await notice().textContent()).toContain('“corrupt.gradientlab.gz” was not imported and nothing changed');
    await page.screenshot({ path: join(app.outDir, 'history-import-corrupt.png'), fullPage: true });

    const foreign = join(app.outDir, 'foreign.json.gz');
    writeFileSync(foreign, gzipSync(JSON.stringify({ hello: 'world', runs: [1, 2] })));
    await page.setInputFiles('[data-testid="import-file"]', foreign);
    await expect.poll(() => notice().textContent()).toContain('“foreign.json.gz” was not imported');
    expect(await rows().count()).toBe(4);
  });

  it('refuses to delete a running run, with the host’s reason', async () => {
    const { page } = app;
    await page.fill('[data-testid="sweep-trainSize"]', '2000');
    await page.fill('[data-testid="sweep-epochs"]', '30');
    await page.click('[data-testid="sweep-start-deep"]');
    const running = page.locator('[data-testid="history-table"] tbody tr[data-status="running"]');
    await running.first().waitFor({ timeout: 60_000 });
    const id = Number(await running.first().getAttribute('data-run'));
    await page.click(`[data-testid="select-${id}"]`);
    await page.click('[data-testid="delete-selected"]');
    await page.click('[data-testid="delete-confirm-yes"]');
    await expect.poll(() => notice().textContent()).toContain('stop it before deleting it');
    expect(await page.locator(`tr[data-run="${id}"]`).count()).toBe(1);
    await page.screenshot({ path: join(app.outDir, 'history-delete-running-refused.png'), fullPage: true });

    await page.click('[data-testid="sweep-stop"]');
    await expect.poll(() => page.locator('[data-testid="sweep-stop"]').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-testid="history-table"] tbody tr[data-status="running"], [data-testid="history-table"] tbody tr[data-status="queued"]').count(), { timeout: 30_000 }).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/history');
  });
});
