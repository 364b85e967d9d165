// The time_stats table (migration 0090): a database at 0030 with a run keeps it and gains the table; rows keep
// ‖∂E/∂h_t‖ exactly, non-finite norms come back as null in rows and NaN in the chart series, and the series
// is thinned to its budget on an even stride, always ending at the last step; deleting the run deletes them.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { migrate, userVersion } from '../../electron/store/migrations/index';
import { RunsRepo } from '../../electron/store/runs';
import { TimeStatsRepo } from '../../electron/store/time-stats';

describe('time statistics in SQLite', () => {
  it('migrates a 0030 database, stores norms exactly and thins the series to its budget', () => {
    const db = new Database(':memory:');
    migrate(db, 30);
    const runs = new RunsRepo(db);
    const old = runs.create({ config: ExperimentConfigSchema.parse(getPreset('seed-he')!.config), appVersion: '0.1.0', ownerPid: null });
    expect(migrate(db)).toContain(90);
    expect(userVersion(db)).toBe(90);
    expect(runs.get(old)).toBeTruthy();

    const id = runs.create({ config: ExperimentConfigSchema.parse(getPreset('adding-gru')!.config), appVersion: '0.1.0', ownerPid: null });
    const repo = new TimeStatsRepo(db);
    for (let step = 0; step < 1000; step++) {
      repo.insert(id, step, { norms: [step === 3 ? NaN : 1e-30 * (step + 1), 0, 0.5], gates: [{ gate: 'z', saturatedFrac: 0.25 }] });
    }
    const rows = repo.rows(id);
    expect(rows).toHaveLength(1000);
    expect(rows[7]).toEqual({ step: 7, norms: [8e-30, 0, 0.5], gates: [{ gate: 'z', saturatedFrac: 0.25 }] });
    expect(rows[3]!.norms[0]).toBeNull();
    const series = repo.series(id, 100);
    expect(series.length).toBeGreaterThan(90);
    expect(series.length).toBeLessThanOrEqual(101);
    expect(series.at(-1)!.step).toBe(999);
    expect(series[1]!.step - series[0]!.step).toBe(10);
    expect(repo.series(id, 2000)).toHaveLength(1000);
    // Deleting the run takes its time statistics with it.
    db.pragma('foreign_keys = ON');
    expect(runs.delete(id)).toBe(true);
    expect(repo.rows(id)).toHaveLength(0);
  });
});
