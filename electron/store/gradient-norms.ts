// The global gradient norm of every step (migration 0040): ‖g‖ before clipping, ‖g‖ the optimizer applied and
// whether the step was clipped. They are written with the step rows (metrics.ts) and read back in its series;
// this repository holds the rest: a run's clipped-step count, every row for CSV and bundles, and bundle import.
import type { Database, Statement } from 'better-sqlite3';

/** [step, ‖g‖ before clipping, ‖g‖ applied, clipped 0/1] as stored. */
export type GradientNormRow = [step: number, gradNorm: number | null, clippedNorm: number | null, clipped: number | null];

export class GradientNormsRepo {
  private readonly count: Statement<[number], { n: number; clipped: number | null }>;
  private readonly all: Statement<[number], GradientNormRow>;
  private readonly update: Statement<[number | null, number | null, number | null, number, number]>;
  private readonly first: Statement<[number], { clipped: number | null }>;

  constructor(db: Database) {
    this.count = db.prepare('SELECT count(clipped) AS n, sum(clipped) AS clipped FROM steps WHERE run_id = ?');
    this.all = db
      .prepare('SELECT step, grad_norm, clipped_grad_norm, clipped FROM steps WHERE run_id = ? AND grad_norm IS NOT NULL ORDER BY step')
      .raw(true) as Statement<[number], GradientNormRow>;
    this.first = db.prepare('SELECT clipped FROM steps WHERE run_id = ? ORDER BY step LIMIT 1');
    this.update = db.prepare('UPDATE steps SET grad_norm = ?, clipped_grad_norm = ?, clipped = ? WHERE run_id = ? AND step = ?');
  }

  /** Steps whose gradient was clipped, of the steps recorded with clipping on; null for a run without clipping. */
  clipping(runId: number): { clippedSteps: number; steps: number } | null {
    const { n, clipped } = this.count.get(runId)!;
    return n > 0 ? { clippedSteps: clipped ?? 0, steps: n } : null;
  }

  /**
   * The same count for run lists: a run recorded with clipping on has it on its first step, so a run without it
   * costs one key lookup instead of a count over all its steps.
   */
  clippingIfRecorded(runId: number): { clippedSteps: number; steps: number } | null {
    const first = this.first.get(runId);
    return first && first.clipped !== null ? this.clipping(runId) : null;
  }

  /** Every step's row (CSV, bundles); steps without norms (runs from before 0040) are absent. */
  rows(runId: number): GradientNormRow[] {
    return this.all.all(runId);
  }

  /** Set the norms of steps already stored (bundle import). */
  set(runId: number, rows: readonly GradientNormRow[]): void {
    for (const [step, gradNorm, clippedNorm, clipped] of rows) this.update.run(gradNorm, clippedNorm, clipped, runId, step);
  }
}
