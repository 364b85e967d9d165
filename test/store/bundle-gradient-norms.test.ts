// Bundles carry the gradient norms (before and after clipping, the clipped flag) and a diverged run's step: a
// run exported and imported into another database reads back with the same norms, clipped count and step;
// a bundle from before them imports with none; a norm row for a step the run does not have is refused.
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../electron/common/records';
import { exportBundle, importBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
import { smallConfig, tempDir } from './store-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function seed(path: string) {
  const store = openStore(path);
  const clipConfig = { ...smallConfig(), optimizer: { kind: 'sgd' as const, learningRate: 0.1, clip: { kind: 'norm' as const, threshold: 1 } } };
  const clipped = store.runs.create({ config: clipConfig, appVersion: '0.1.0', ownerPid: null });
  const batches: BatchRecord[] = [8, 0.5, 3].map((g, step) => ({ type: 'batch', step, epoch: 0, batch: step, loss: 2 - step / 10, acc: 0.1, gradNorm: g, clippedGradNorm: Math.min(g, 1), clipped: g > 1 }));
  store.metrics.append(clipped, { batches, epochs: [], histograms: [] });
  store.runs.end(clipped, { status: 'completed', endedAt: new Date().toISOString(), durationSec: 1 });
  const diverged = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
  store.metrics.append(diverged, { batches: [{ type: 'batch', step: 0, epoch: 0, batch: 0, loss: 400, acc: 0.1, gradNorm: 1.5e3 }, { type: 'batch', step: 1, epoch: 0, batch: 1, loss: 8e3, acc: 0.1, gradNorm: 2e4 }], epochs: [], histograms: [] });
  store.runs.end(diverged, { status: 'diverged', endedAt: new Date().toISOString(), durationSec: 1, error: 'loss became NaN at step 2', divergedStep: 2 });
  return { store, clipped, diverged };
}

describe('bundles and gradient norms', () => {
  it('round-trips the norms, the clipped count and the diverged step', () => {
    const { store, clipped, diverged } = seed(join(tmp.dir, 'a.db'));
    const data = exportBundle(store, [clipped, diverged], '0.1.0');
    const target = openStore(join(tmp.dir, 'b.db'));
    const [c2, d2] = importBundle(target, data, 'runs.json.gz');
    const series = target.metrics.series(c2!, 100).series;
    expect(series.gradNorm).toEqual([8, 0.5, 3]);
    expect(series.clippedGradNorm).toEqual([1, 0.5, 1]);
    expect(series.clipped).toEqual([true, false, true]);
    expect(target.gradientNorms.clipping(c2!)).toEqual({ clippedSteps: 2, steps: 3 });
    expect(target.runs.get(d2!)).toMatchObject({ status: 'diverged', divergedStep: 2 });
    expect(target.metrics.series(d2!, 100).series.gradNorm).toEqual([1.5e3, 2e4]);
    expect(target.runs.get(c2!)!.divergedStep).toBeUndefined();
    store.close();
    target.close();
  });

  it('imports a bundle without them (older files) with none, and refuses a norm row for a missing step', () => {
    const { store, clipped } = seed(join(tmp.dir, 'c.db'));
    const json = JSON.parse(gunzipSync(exportBundle(store, [clipped], '0.1.0')).toString()) as { runs: Record<string, unknown>[] };
    const target = openStore(join(tmp.dir, 'd.db'));
    const older = structuredClone(json);
    delete older.runs[0]!.gradientNorms;
    const [id] = importBundle(target, gzipSync(JSON.stringify(older)), 'old.json.gz');
    expect(target.metrics.series(id!, 100).series.gradNorm).toBeUndefined();
    expect(target.gradientNorms.clipping(id!)).toBeNull();
    const stray = structuredClone(json);
    (stray.runs[0]!.gradientNorms as unknown[]).push([99, 1, 1, 0]);
    expect(() => importBundle(target, gzipSync(JSON.stringify(stray)), 'bad.json.gz')).toThrow(/gradientNorms.*must belong to a step/);
    store.close();
    target.close();
  });
});
