// Migration 0010: the first schema. Runs with their config and outcome, and the per-run series the trainer
// streams (steps, per-layer statistics, histograms, epochs, predictions). A shipped migration is never edited.
import type { Database } from 'better-sqlite3';

export function migrate0010(db: Database): void {
  db.exec(`
    CREATE TABLE runs (
      id            INTEGER PRIMARY KEY,
      name          TEXT    NOT NULL,
      created       TEXT    NOT NULL,
      status        TEXT    NOT NULL CHECK (status IN ('queued','running','completed','stopped','failed','diverged','interrupted')),
      config        TEXT    NOT NULL,
      preset        TEXT,
      activation    TEXT    NOT NULL,
      initializer   TEXT    NOT NULL,
      depth         INTEGER NOT NULL,
      batch_norm    INTEGER NOT NULL,
      residual      INTEGER NOT NULL,
      backend       TEXT,
      skipped       TEXT    NOT NULL DEFAULT '[]',
      layers        TEXT    NOT NULL DEFAULT '[]',
      app_version   TEXT    NOT NULL,
      started_at    TEXT,
      ended_at      TEXT,
      duration_sec  REAL,
      train_loss    REAL,
      train_acc     REAL,
      test_loss     REAL,
      test_acc      REAL,
      notes         TEXT    NOT NULL DEFAULT '',
      tags          TEXT    NOT NULL DEFAULT '[]',
      error         TEXT,
      origin        TEXT,
      step          INTEGER NOT NULL DEFAULT 0,
      total_steps   INTEGER NOT NULL DEFAULT 0,
      owner_pid     INTEGER
    ) STRICT;
    CREATE INDEX runs_created ON runs (created);
    CREATE INDEX runs_status ON runs (status, created);
    CREATE INDEX runs_preset ON runs (preset, created);
    CREATE INDEX runs_activation ON runs (activation, created);

    CREATE TABLE steps (
      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step    INTEGER NOT NULL,
      epoch   INTEGER NOT NULL,
      batch   INTEGER NOT NULL,
      loss    REAL,
      acc     REAL,
      PRIMARY KEY (run_id, step)
    ) STRICT, WITHOUT ROWID;

    -- One row per statistics step: every layer's LayerStats as float64 little-endian, layer-major, in the order
    -- of LAYER_STAT_FIELDS (electron/common/bundle.ts). Packed because charts read thousands of steps × layers
    -- at a time and per-value columns cost more to read than the query itself; NaN and Infinity survive as-is.
    CREATE TABLE layer_stats (
      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step    INTEGER NOT NULL,
      layers  INTEGER NOT NULL,
      stats   BLOB    NOT NULL,
      PRIMARY KEY (run_id, step)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE histograms (
      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step    INTEGER NOT NULL,
      layer   INTEGER NOT NULL,
      counts  TEXT    NOT NULL,
      zeros   INTEGER NOT NULL,
      total   INTEGER NOT NULL,
      PRIMARY KEY (run_id, step, layer)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE epochs (
      run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      epoch           INTEGER NOT NULL,
      train_loss      REAL,
      train_acc       REAL,
      test_loss       REAL,
      test_acc        REAL,
      seconds         REAL,
      samples_per_sec REAL,
      PRIMARY KEY (run_id, epoch)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE predictions (
      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      ord     INTEGER NOT NULL,
      idx     INTEGER NOT NULL,
      label   INTEGER NOT NULL,
      probs   TEXT    NOT NULL,
      pixels  TEXT,
      PRIMARY KEY (run_id, ord)
    ) STRICT, WITHOUT ROWID;
  `);
}
