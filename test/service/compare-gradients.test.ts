// A comparison asked for what the Compare view draws carries, per layer and statistics step, exactly the two
// gradient measures of the full comparison — in a fraction of the bytes (test/renderer/compare-lean.test.ts:
// the view prepares the same gradients, spans and "recent" values from it as from the full one).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/store';
import { compareRuns } from '../../electron/service/run-queries';
import { seedComparedRuns, smallConfig, syntheticRecords, tempDir } from '../store/store-fixture';

const tmp = tempDir();
let store: Store;
let ids: number[] = [];

beforeAll(() => {
  store = openStore(join(tmp.dir, 'compare.db'));
  ids = seedComparedRuns(store);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('a comparison of only what Compare draws', () => {
  it('carries the same gradient measures as the full one, in well under half the bytes', () => {
    const full = compareRuns(store, ids, 300);
    const lean = compareRuns(store, ids, 300, true);
    expect(full.runs[0]!.histograms.length).toBeGreaterThan(0);
    lean.runs.forEach((run, r) => {
      const stats = full.runs[r]!.series.layerStats;
      expect(run.series.layerStats).toEqual([]);
      expect(run.histograms).toEqual([]);
      expect(run.series.statSteps).toEqual(full.runs[r]!.series.statSteps);
      expect(run.series.steps).toEqual(full.runs[r]!.series.steps);
      expect(run.series.gradients!.gradNorm).toEqual(stats.map((l) => l.map((s) => s.gradNorm)));
      expect(run.series.gradients!.deltaNorm).toEqual(stats.map((l) => l.map((s) => s.deltaNorm)));
    });
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(full).length * 0.4);
    expect(lean.diff).toEqual(full.diff);
  });
});

describe('the gradient norm per step in a comparison', () => {
  it('travels in the lean comparison, thinned to the point budget like the other step series, clipped count whole', () => {
    const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    const records = syntheticRecords(2, 469, 2);
    records.batches.forEach((b) => Object.assign(b, { gradNorm: 2 ** (b.step / 100), clippedGradNorm: Math.min(5, 2 ** (b.step / 100)), clipped: 2 ** (b.step / 100) > 5 }));
    store.metrics.append(id, records);
    store.runs.end(id, { status: 'diverged', endedAt: new Date().toISOString(), durationSec: 1, final: null, divergedStep: 938 });
    const lean = compareRuns(store, [ids[0]!, id], 120, true);
    const run = lean.runs[1]!;
    const { steps, gradNorm, clippedGradNorm, clipped } = run.series;
    expect(steps.length).toBeLessThanOrEqual(130);
    expect(gradNorm).toEqual(steps.map((s) => 2 ** (s / 100)));
    expect(clippedGradNorm).toEqual(steps.map((s) => Math.min(5, 2 ** (s / 100))));
    expect(clipped).toEqual(steps.map((s) => 2 ** (s / 100) > 5));
    // The count is over every recorded step, not over the thinned points.
    expect(run.clipping).toEqual({ clippedSteps: 938 - 233, steps: 938 });
    expect(run.summary.divergedStep).toBe(938);
    // The run without ‖g‖ has none, and the view says so instead of drawing zeros.
    expect(lean.runs[0]!.series.gradNorm).toBeUndefined();
  });
});
