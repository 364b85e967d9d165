// Migration 0090: the signal through time of recurrent runs. One row per statistics step: ‖∂E/∂h_t‖ for every
// time step as float64 little-endian (first step first; NaN and Infinity survive as-is), and the gates'
// saturation as JSON [{gate, saturatedFrac}]. MLP runs have none. A shipped migration is never edited.
import type { Database } from 'better-sqlite3';

export function migrate0090(db: Database): void {
  db.exec(`
    CREATE TABLE time_stats (
      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step    INTEGER NOT NULL,
      norms   BLOB    NOT NULL,
      gates   TEXT    NOT NULL,
      PRIMARY KEY (run_id, step)
    ) STRICT, WITHOUT ROWID;
  `);
}
