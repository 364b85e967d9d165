// The layer probes of a run (table layer_probes, migration 0060): one row per probed step, every layer packed as
// PROBE_STRIDE float64 numbers (little-endian, common/probe-fields.ts order; null as NaN). Reads may thin the
// steps to a budget, always keeping the first (the step-0 checks) and the last.
import type { Database, Statement } from 'better-sqlite3';
import { flattenProbe, PROBE_STRIDE, unflattenCheck, unflattenProbeLayer } from '../common/probe-fields';
import type { LayerProbeRecord } from '../common/records';
import type { StudentPrediction } from '../common/student-prediction';

/** A probe as bundles carry it: layer rows of PROBE_STRIDE numbers, null for non-finite. */
export interface ProbeRow {
  step: number;
  learningRate: number | null;
  loss: number | null;
  layers: (number | null)[][];
}

interface ProbeRowDb {
  step: number;
  learning_rate: number | null;
  loss: number | null;
  layers: number;
  probe: Buffer;
}

const fin = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function pack(layers: number[][]): Buffer {
  const buf = Buffer.allocUnsafe(layers.length * PROBE_STRIDE * 8);
  layers.forEach((values, l) => {
    for (let f = 0; f < PROBE_STRIDE; f++) buf.writeDoubleLE(values[f] ?? NaN, (l * PROBE_STRIDE + f) * 8);
  });
  return buf;
}

function unpack(buf: Buffer, layers: number): Float64Array {
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + layers * PROBE_STRIDE * 8));
}

export class ProbesRepo {
  private readonly ins: Statement;
  private readonly stepsSel: Statement<[number], { step: number }>;
  private readonly sel: Statement<[number, string], ProbeRowDb>;
  private readonly all: Statement<[number], ProbeRowDb>;
  private readonly insPrediction: Statement<[number, string, string, string]>;
  private readonly selPrediction: Statement<[number], { quantity: string; predicted: string; created: string }>;

  constructor(db: Database) {
    this.ins = db.prepare('INSERT OR REPLACE INTO layer_probes (run_id, step, learning_rate, loss, layers, probe) VALUES (?, ?, ?, ?, ?, ?)');
    this.stepsSel = db.prepare('SELECT step FROM layer_probes WHERE run_id = ? ORDER BY step');
    this.sel = db.prepare('SELECT * FROM layer_probes WHERE run_id = ? AND step IN (SELECT value FROM json_each(?)) ORDER BY step');
    this.all = db.prepare('SELECT * FROM layer_probes WHERE run_id = ? ORDER BY step');
    this.insPrediction = db.prepare('INSERT OR REPLACE INTO student_predictions (run_id, quantity, predicted, created) VALUES (?, ?, ?, ?)');
    this.selPrediction = db.prepare('SELECT quantity, predicted, created FROM student_predictions WHERE run_id = ?');
  }

  /** Keep a student's prediction with a run (one per run; a new one replaces it). */
  setPrediction(runId: number, p: StudentPrediction, created = new Date().toISOString()): StudentPrediction {
    this.insPrediction.run(runId, p.quantity, JSON.stringify(p.values), created);
    return { quantity: p.quantity, values: p.values, created };
  }

  prediction(runId: number): StudentPrediction | null {
    const r = this.selPrediction.get(runId);
    return r ? { quantity: r.quantity as StudentPrediction['quantity'], values: JSON.parse(r.predicted) as (number | null)[], created: r.created } : null;
  }

  /** Append probes (call inside the caller's transaction when batching with other series). */
  append(runId: number, probes: readonly LayerProbeRecord[]): void {
    for (const p of probes) {
      const rows = flattenProbe(p);
      this.ins.run(runId, p.step, fin(p.learningRate), fin(p.loss), rows.length, pack(rows));
    }
  }

  /** Probes at no more than `maxSteps` evenly spread steps (always the first and the last). */
  list(runId: number, maxSteps = 200): LayerProbeRecord[] {
    const steps = this.stepsSel.all(runId).map((r) => r.step);
    const every = Math.max(1, Math.ceil(steps.length / maxSteps));
    const pick = steps.filter((_, i) => i % every === 0 || i === steps.length - 1);
    return this.sel.all(runId, JSON.stringify(pick)).map(toRecord);
  }

  /** Every probe of a run as bundle rows. */
  rows(runId: number): ProbeRow[] {
    return this.all.all(runId).map((r) => {
      const v = unpack(r.probe, r.layers);
      return {
        step: r.step,
        learningRate: r.learning_rate,
        loss: r.loss,
        layers: Array.from({ length: r.layers }, (_, l) => Array.from(v.subarray(l * PROBE_STRIDE, (l + 1) * PROBE_STRIDE), (x) => fin(x))),
      };
    });
  }

  /** Write bundle rows (import). */
  insertRows(runId: number, rows: readonly ProbeRow[]): void {
    for (const r of rows) this.ins.run(runId, r.step, r.learningRate, r.loss, r.layers.length, pack(r.layers.map((l) => l.map((x) => x ?? NaN))));
  }
}

function toRecord(r: ProbeRowDb): LayerProbeRecord {
  const v = unpack(r.probe, r.layers);
  const checks = Array.from({ length: r.layers }, (_, l) => unflattenCheck(v, l * PROBE_STRIDE, l)).filter((c) => c !== undefined);
  return {
    type: 'layer-probe',
    step: r.step,
    learningRate: r.learning_rate ?? NaN,
    loss: r.loss ?? NaN,
    layers: Array.from({ length: r.layers }, (_, l) => unflattenProbeLayer(v, l * PROBE_STRIDE, l)),
    ...(checks.length ? { gradientCheck: checks } : {}),
  };
}
