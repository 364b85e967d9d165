// Migration 0040 (gradient norms and clipping per step): a database at 0030 keeps its step rows, which read back
// without norms; new steps store ‖g‖ before and after clipping and the clipped flag, and the run's detail, the
// count of clipped steps and the step CSV carry them.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../electron/common/records';
import { runCsv } from '../../electron/store/csv';
import { GradientNormsRepo } from '../../electron/store/gradient-norms';
import { MetricsRepo } from '../../electron/store/metrics';
import { migrate, userVersion } from '../../electron/store/migrations/index';
import { RunsRepo } from '../../electron/store/runs';
import type { Store } from '../../electron/store/store';
import { smallConfig } from './store-fixture';

describe('migration 0040 (gradient norms and clipping)', () => {
  it('adds the columns without touching the steps already there', () => {
    const db = new Database(':memory:');
    migrate(db, 30);
    const runs = new RunsRepo(db);
    const old = runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    db.prepare('INSERT INTO steps (run_id, step, epoch, batch, loss, acc) VALUES (?, 0, 0, 0, 2.3, 0.1)').run(old);
    const before = db.prepare('SELECT * FROM steps WHERE run_id = ?').get(old);

    expect(migrate(db, 40)).toEqual([40]);
    expect(userVersion(db)).toBe(40);
    expect(db.prepare('SELECT * FROM steps WHERE run_id = ?').get(old)).toEqual({ ...(before as object), grad_norm: null, clipped_grad_norm: null, clipped: null });
    const metrics = new MetricsRepo(db);
    const { series } = metrics.series(old, 100);
    expect(series.loss).toEqual([2.3]);
    expect(series.gradNorm).toBeUndefined();
    expect(series.clipped).toBeUndefined();
    expect(new GradientNormsRepo(db).clipping(old)).toBeNull();
  });

  it('stores the norms of a clipped run, counts its clipped steps, and writes them to the CSV', () => {
    const db = new Database(':memory:');
    migrate(db);
    const runs = new RunsRepo(db);
    const metrics = new MetricsRepo(db);
    const clippedRun = runs.create({ config: { ...smallConfig(), optimizer: { kind: 'sgd', learningRate: 0.1, clip: { kind: 'norm', threshold: 1 } } }, appVersion: '0.1.0', ownerPid: null });
    const values = [5, 0.5, 3, Infinity];
    const batches: BatchRecord[] = values.map((g, step) => ({ type: 'batch', step, epoch: 0, batch: step, loss: 2, acc: 0.1, gradNorm: g, clippedGradNorm: Math.min(g, 1), clipped: g > 1 && Number.isFinite(g) }));
    metrics.append(clippedRun, { batches, epochs: [], histograms: [] });
    const { series } = metrics.series(clippedRun, 100);
    expect(series.gradNorm).toEqual([5, 0.5, 3, NaN]);
    expect(series.clippedGradNorm).toEqual([1, 0.5, 1, 1]);
    expect(series.clipped).toEqual([true, false, true, false]);
    const norms = new GradientNormsRepo(db);
    expect(norms.clipping(clippedRun)).toEqual({ clippedSteps: 2, steps: 4 });

    const plain = runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    metrics.append(plain, { batches: [{ type: 'batch', step: 0, epoch: 0, batch: 0, loss: 2, acc: 0.1, gradNorm: 7 }], epochs: [], histograms: [] });
    expect(metrics.series(plain, 100).series).toMatchObject({ gradNorm: [7] });
    expect(metrics.series(plain, 100).series.clipped).toBeUndefined();
    expect(norms.clipping(plain)).toBeNull();

    const store = { metrics, runs, gradientNorms: norms } as unknown as Store;
    const lines = runCsv(store, clippedRun, 'steps').csv.trim().split('\n');
    expect(lines[0]!.split(',').slice(-3)).toEqual(['gradNorm', 'clippedGradNorm', 'clipped']);
    expect(lines[1]!.split(',').slice(-3)).toEqual(['5', '1', '1']);
    expect(lines[2]!.split(',').slice(-3)).toEqual(['0.5', '0.5', '0']);
  });
});
