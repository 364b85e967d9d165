// The time_stats table (migration 0090): per statistics step of a recurrent run, ‖∂E/∂h_t‖ for every time step
// (packed float64) and the gates' saturation. Rows for bundles and CSV, and a thinned series for the charts.
import type { Database, Statement } from 'better-sqlite3';
import type { GateSaturation, TimeStats } from '../common/records';

/** One step's time statistics as bundles carry it: non-finite norms as null. */
export interface TimeStatsRow {
  step: number;
  norms: (number | null)[];
  gates: { gate: string; saturatedFrac: number | null }[];
}

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

function pack(norms: readonly (number | null)[]): Buffer {
  const buf = Buffer.allocUnsafe(norms.length * 8);
  norms.forEach((v, i) => buf.writeDoubleLE(v ?? NaN, i * 8));
  return buf;
}

function unpack(buf: Buffer): number[] {
  return Array.from({ length: buf.length / 8 }, (_, i) => buf.readDoubleLE(i * 8));
}

export class TimeStatsRepo {
  private readonly ins: Statement<[number, number, Buffer, string]>;
  private readonly all: Statement<[number], { step: number; norms: Buffer; gates: string }>;
  private readonly count: Statement<[number], { n: number }>;
  private readonly strided: Statement<[number, number], { step: number; norms: Buffer; gates: string }>;

  constructor(db: Database) {
    this.ins = db.prepare('INSERT OR REPLACE INTO time_stats (run_id, step, norms, gates) VALUES (?, ?, ?, ?)');
    this.all = db.prepare('SELECT step, norms, gates FROM time_stats WHERE run_id = ? ORDER BY step');
    this.count = db.prepare('SELECT count(*) AS n FROM time_stats WHERE run_id = ?');
    this.strided = db.prepare(`SELECT step, norms, gates FROM (SELECT step, norms, gates, row_number() OVER (ORDER BY step) - 1 AS i,
        count(*) OVER () AS n FROM time_stats WHERE run_id = ?) WHERE i % ? = 0 OR i = n - 1 ORDER BY step`);
  }

  insert(runId: number, step: number, t: TimeStats): void {
    this.ins.run(runId, step, pack(t.norms), JSON.stringify(t.gates.map((g) => ({ gate: g.gate, saturatedFrac: fin(g.saturatedFrac) }))));
  }

  /** A row as a bundle brings it. */
  insertRow(runId: number, r: TimeStatsRow): void {
    this.ins.run(runId, r.step, pack(r.norms), JSON.stringify(r.gates));
  }

  /** Every row of a run, in step order (bundles, CSV). */
  rows(runId: number): TimeStatsRow[] {
    return this.all.all(runId).map((r) => ({ step: r.step, norms: unpack(r.norms).map(fin), gates: JSON.parse(r.gates) as TimeStatsRow['gates'] }));
  }

  /** At most about `maxSteps` evenly spread statistics steps (always the last), norms with NaN for non-finite. */
  series(runId: number, maxSteps = 400): { step: number; time: TimeStats }[] {
    const n = this.count.get(runId)!.n;
    const every = Math.max(1, Math.ceil(n / maxSteps));
    return this.strided.all(runId, every).map((r) => ({
      step: r.step,
      time: { norms: unpack(r.norms), gates: (JSON.parse(r.gates) as { gate: string; saturatedFrac: number | null }[]).map((g): GateSaturation => ({ gate: g.gate, saturatedFrac: g.saturatedFrac ?? NaN })) },
    }));
  }
}
