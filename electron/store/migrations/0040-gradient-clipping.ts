// Migration 0040: per step, the global gradient norm before clipping, the norm the optimizer applied, and
// whether the step was clipped (gradient clipping, optimizer.clip). Steps from before have none (NULL); runs
// without clipping keep the norm before and leave the other two NULL. Per run, the step at which a diverged run
// diverged (the step whose loss or gradient was the first non-finite one, or the explosion rule's last step).
// A shipped migration is never edited.
import type { Database } from 'better-sqlite3';

export function migrate0040(db: Database): void {
  db.exec(`
    ALTER TABLE steps ADD COLUMN grad_norm REAL;
    ALTER TABLE steps ADD COLUMN clipped_grad_norm REAL;
    ALTER TABLE steps ADD COLUMN clipped INTEGER;
    ALTER TABLE runs ADD COLUMN diverged_step INTEGER;
  `);
}
