// Migration 0030 (the step engine per run): a database at 0020 with runs keeps every row; old runs read back
// with no engine, new ones store the engine they started with.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { migrate, userVersion } from '../../electron/store/migrations/index';
import { RunsRepo } from '../../electron/store/runs';

const config = ExperimentConfigSchema.parse(getPreset('seed-keras')!.config);

describe('migration 0030 (step engine)', () => {
  it('adds the engine to runs without touching the runs already there', () => {
    const db = new Database(':memory:');
    migrate(db, 20);
    // A run as the 0020 schema stored it.
    const old = Number(
      db
        .prepare(
          `INSERT INTO runs (name, created, status, config, preset, activation, initializer, depth, batch_norm, residual, backend, skipped, app_version)
           VALUES ('seed #1', '2026-01-01T00:00:00.000Z', 'completed', ?, 'seed-keras', 'sigmoid', 'randomNormal', 1, 0, 0, 'wasm', ?, '0.1.0')`,
        )
        .run(JSON.stringify(config), JSON.stringify([{ name: 'tensorflow-gpu', reason: 'package @tensorflow/tfjs-node-gpu is not installed' }])).lastInsertRowid,
    );
    const oldRow = db.prepare('SELECT * FROM runs WHERE id = ?').get(old);

    expect(migrate(db, 30)).toEqual([30]);
    expect(userVersion(db)).toBe(30);
    expect(db.prepare('SELECT * FROM runs WHERE id = ?').get(old)).toEqual({ ...(oldRow as object), engine: null });
    const runs = new RunsRepo(db);
    expect(runs.get(old)).toMatchObject({ backend: 'wasm', engine: null });

    const fresh = runs.create({ config, appVersion: '0.1.0', ownerPid: null });
    runs.setStarted(fresh, { backend: 'webgpu', engine: 'tape', skipped: [], layers: [], totalSteps: 5 });
    expect(runs.get(fresh)).toMatchObject({ backend: 'webgpu', engine: 'tape' });
  });
});
