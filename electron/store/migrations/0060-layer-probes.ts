// Migration 0060: the layer probe (records.ts LayerProbeRecord) of each probed step of a run — its learning rate
// and batch loss as columns, every layer's numbers as one packed float64 blob (common/probe-fields.ts order) —
// and a student's prediction kept with the run (predict → observe: the per-layer values marked before it ran).
// A shipped migration is never edited.
import type { Database } from 'better-sqlite3';

export function migrate0060(db: Database): void {
  db.exec(`CREATE TABLE layer_probes (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    learning_rate REAL,
    loss REAL,
    layers INTEGER NOT NULL,
    probe BLOB NOT NULL,
    PRIMARY KEY (run_id, step)
  ) STRICT, WITHOUT ROWID`);
  db.exec(`CREATE TABLE student_predictions (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    quantity TEXT NOT NULL,
    predicted TEXT NOT NULL,
    created TEXT NOT NULL
  ) STRICT`);
}
