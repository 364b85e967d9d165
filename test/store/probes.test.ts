// Layer probes in a real SQLite file: migration 0060 keeps the rows of a database at 0030, probes written by
// the recorder's path read back field for field after the file is closed and opened again (nulls included),
// and they travel through a bundle and out as CSV.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBE_SCALAR_FIELDS, PROBE_STRIDE } from '../../electron/common/probe-fields';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type LayerProbeRecord, type ProbeLayerStats } from '../../electron/common/records';
import { exportBundle, importBundle } from '../../electron/store/bundles';
import { runCsv } from '../../electron/store/csv';
import { migrate, userVersion } from '../../electron/store/migrations/index';
import { openStore } from '../../electron/store/store';
import { smallConfig, tempDir } from './store-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function probeLayer(layer: number, step: number, output: boolean): ProbeLayerStats {
  const k = 1 + layer + step / 10;
  return {
    layer,
    actMean: 0.1 * k,
    actStd: 0.2 * k,
    saturatedFrac: output ? null : 0.01 * k,
    preP15: -k,
    preP50: 0.03,
    preP85: k,
    actGradStd: 1e-5 / k,
    weightStd: 0.05,
    weightGradStd: 1e-4 * k,
    gradToData: 2e-3 * k,
    updateToDataStd: output ? null : -3.1 + layer / 10,
    updateToDataNorm: -3.2,
    deltaNorm: 1e-3 * k,
    biasGradNorm: 3e-4 * k,
    ledgerRatio: output ? null : -0.6,
    ledgerActivation: output ? null : -0.7,
    ledgerWeights: output ? null : 0.12,
    actCounts: Array.from({ length: ACTIVATION_HISTOGRAM.bins }, (_, i) => (i * 3 + step) % 11),
    actGradCounts: Array.from({ length: HISTOGRAM.bins }, (_, i) => (i + layer) % 5),
    actGradZeros: layer,
    total: 640,
  };
}

const probes: LayerProbeRecord[] = [0, 50, 100].map((step) => ({
  type: 'layer-probe',
  step,
  learningRate: 0.1,
  loss: 2.3 - step / 100,
  layers: [0, 1, 2].map((l) => probeLayer(l, step, l === 2)),
  // Step 0 carries the gradient check; a 5% difference reads back as 'wrong', a 1e-6 one as 'fine'.
  ...(step === 0
    ? {
        gradientCheck: [
          { layer: 0, index: 17, analytic: 1.05e-4, numeric: 1e-4, relative: 0.05 / 1.05, verdict: 'wrong' as const },
          { layer: 1, index: 3, analytic: 2e-3 * (1 + 1e-6), numeric: 2e-3, relative: 1e-6 / (1 + 1e-6), verdict: 'fine' as const },
        ],
      }
    : {}),
}));

describe('layer probes in SQLite', () => {
  it('migration 0060 adds the table and leaves the runs of a 0030 database as they were', () => {
    const db = new Database(join(tmp.dir, 'old.db'));
    migrate(db, 30);
    db.prepare(
      `INSERT INTO runs (name, created, status, config, preset, activation, initializer, depth, batch_norm, residual, skipped, app_version)
       VALUES ('old', '2026-01-01T00:00:00.000Z', 'completed', ?, 'seed-he', 'sigmoid', 'heNormal', 1, 0, 0, '[]', '0.1.0')`,
    ).run(JSON.stringify(smallConfig()));
    const before = db.prepare('SELECT * FROM runs').all();
    expect(migrate(db)).toContain(60);
    expect(userVersion(db)).toBeGreaterThanOrEqual(60);
    expect(db.prepare('SELECT * FROM runs').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM layer_probes').get()).toEqual({ n: 0 });
    db.close();
  });

  it('reads back every field after the file is closed and opened again, thinned to a budget keeping first and last', () => {
    const path = join(tmp.dir, 'probes.db');
    const store = openStore(path);
    const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    store.transaction(() => store.probes.append(id, probes));
    store.close();

    const again = openStore(path);
    const back = again.probes.list(id);
    expect(back[0]!.gradientCheck!.map((c) => ({ ...c, relative: Number(c.relative.toPrecision(9)) }))).toEqual(
      probes[0]!.gradientCheck!.map((c) => ({ ...c, relative: Number(c.relative.toPrecision(9)) })),
    );
    expect(back.map(({ gradientCheck: _g, ...p }) => p)).toEqual(probes.map(({ gradientCheck: _g, ...p }) => p));
    expect(back[1]!.gradientCheck).toBeUndefined();
    expect(again.probes.list(id, 2).map((p) => p.step)).toEqual([0, 100]);
    const row = again.db.prepare('SELECT length(probe) AS bytes, layers FROM layer_probes WHERE run_id = ? AND step = 0').get(id);
    expect(row).toEqual({ bytes: 3 * PROBE_STRIDE * 8, layers: 3 });
    // Deleting the run takes its probes with it.
    again.runs.delete(id);
    expect(again.probes.list(id)).toEqual([]);
    again.close();
  });

  it('travel through a bundle and out as CSV, one line per step and layer', () => {
    const store = openStore(join(tmp.dir, 'bundle-source.db'));
    const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null, status: 'completed' });
    store.runs.setStarted(id, { backend: 'wasm', engine: 'tape', skipped: [], layers: [], totalSteps: 101 });
    store.runs.end(id, { status: 'completed', endedAt: new Date().toISOString(), durationSec: 1, final: null, error: null });
    store.probes.append(id, probes);
    const bundle = exportBundle(store, [id], '0.1.0');
    const target = openStore(join(tmp.dir, 'bundle-target.db'));
    const [copy] = importBundle(target, bundle, 'probes.json.gz');
    expect(target.probes.list(copy!).map((p) => p.layers)).toEqual(probes.map((p) => p.layers));
    expect(target.probes.list(copy!)[0]!.gradientCheck?.map((c) => c.verdict)).toEqual(['wrong', 'fine']);

    const { csv, fileName } = runCsv(target, copy!, 'probes');
    expect(fileName).toMatch(/probes\.csv$/);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 3 * 3);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['step', 'layer', 'name', 'learningRate', 'loss']);
    expect(header).toHaveLength(5 + PROBE_STRIDE);
    expect(header.slice(-3)).toEqual(['checkIndex', 'checkAnalytic', 'checkNumeric']);
    const last = lines.at(-1)!.split(',');
    const col = (f: string) => last[header.indexOf(f)];
    expect([last[0], last[1], col('deltaNorm'), col('ledgerRatio')]).toEqual(['100', '2', String(1e-3 * 13), '']);
    expect(PROBE_SCALAR_FIELDS.every((f) => header.includes(f))).toBe(true);
    store.close();
    target.close();
  });
});
