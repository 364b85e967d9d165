// Migration 0030: which step engine trained each run ('kernels', 'tfjs-ops', 'tape'), beside the backend
// (the rung of the ladder) it ran on. Runs from before have none recorded (NULL). A shipped migration is never edited.
import type { Database } from 'better-sqlite3';

export function migrate0030(db: Database): void {
  db.exec('ALTER TABLE runs ADD COLUMN engine TEXT');
}
