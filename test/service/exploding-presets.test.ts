// The exploding-gradient presets through the real lab service, real trainer processes and the SQLite file:
// deep ReLU with too large an initial scale ends 'diverged' at the step of its first non-finite loss (every
// step before it saved and finite, the step itself saved on the run), after a gradient norm that grew by orders
// of magnitude; the same network with gradient clipping trains, and its clipped steps are counted and stored.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { EXPLODING_CLIP_THRESHOLD } from '../../electron/common/presets-exploding';
import type { LabService } from '../../electron/service/lab-service';
import { tempDir } from '../store/store-fixture';
import { createService, recordEvents } from './service-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
let service: LabService;
let rec: ReturnType<typeof recordEvents>;

beforeAll(() => {
  service = createService(dbPath);
  rec = recordEvents(service);
});
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

/** A preset on a small MNIST subset, one epoch. */
function presetOn(id: string, trainSize: number): ExperimentConfig {
  const preset = getPreset(id)!;
  return ExperimentConfigSchema.parse({ ...preset.config, dataset: { kind: 'mnist', trainSize, testSize: 200 }, training: { ...preset.config.training, epochs: 1 } });
}

describe('exploding-gradient presets', () => {
  it('deep ReLU with too large an initial scale diverges at its first non-finite loss, with that step saved', async () => {
    const run = service.startRun(presetOn('explode-relu', 2000));
    const end = await rec.ended(run.id);
    expect(end.status).toBe('diverged');
    const detail = await service.handlers()['run:get']({ runId: run.id, maxPoints: 10_000 });
    const s = detail.summary.divergedStep!;
    expect(s).toBeGreaterThanOrEqual(1);
    // Every step before s is saved and finite; s is the first step whose loss is not: within one step.
    expect(detail.series.steps).toEqual(Array.from({ length: s }, (_, i) => i));
    expect(detail.series.loss.every(Number.isFinite)).toBe(true);
    expect(end.error).toMatch(new RegExp(`loss became (NaN|Infinity) at step ${s} `));
    // The status event tells a live Train view the same step.
    expect(end.divergedStep).toBe(s);
    // The gradient grew by orders of magnitude on the way there.
    const g = detail.series.gradNorm!;
    expect(g).toHaveLength(s);
    expect(g[g.length - 1]! / g[0]!).toBeGreaterThan(100);
    // The SQLite file itself says the same.
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT status, diverged_step FROM runs WHERE id = ?').get(run.id)).toEqual({ status: 'diverged', diverged_step: s });
      expect(db.prepare('SELECT max(step) AS last, count(grad_norm) AS norms FROM steps WHERE run_id = ?').get(run.id)).toEqual({ last: s - 1, norms: s });
    } finally {
      db.close();
    }
  }, 120_000);

  it('the same network with gradient clipping trains, and counts and stores its clipped steps', async () => {
    const config = presetOn('explode-relu-clip', 3000);
    const run = service.startRun(config);
    const end = await rec.ended(run.id);
    expect(end.status, end.error).toBe('completed');
    const detail = await service.handlers()['run:get']({ runId: run.id, maxPoints: 10_000 });
    const { loss, gradNorm, clippedGradNorm, clipped } = detail.series;
    const steps = detail.series.steps.length;
    expect(steps).toBe(Math.ceil(3000 / config.training.batchSize));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Loss falls: the last five steps average under half of the first five.
    expect(loss.every(Number.isFinite)).toBe(true);
    expect(mean(loss.slice(-5))).toBeLessThan(0.5 * mean(loss.slice(0, 5)));
    // Every clipped step had ‖g‖ above the threshold and applied exactly the threshold; the others were left alone.
    clipped!.forEach((c, i) => {
      if (c) {
        expect(gradNorm![i]!).toBeGreaterThan(EXPLODING_CLIP_THRESHOLD);
        expect(clippedGradNorm![i]!).toBeCloseTo(EXPLODING_CLIP_THRESHOLD, 4);
      } else {
        expect(gradNorm![i]!).toBeLessThanOrEqual(EXPLODING_CLIP_THRESHOLD);
        expect(clippedGradNorm![i]!).toBe(gradNorm![i]!);
      }
    });
    const count = clipped!.filter(Boolean).length;
    expect(count).toBeGreaterThan(0);
    expect(detail.clipping).toEqual({ clippedSteps: count, steps });
    const csv = (await service.handlers()['run:csv']({ runId: run.id, table: 'steps' })) as { csv: string };
    expect(csv.csv.split('\n')[0]!.split(',').slice(-3)).toEqual(['gradNorm', 'clippedGradNorm', 'clipped']);
  }, 120_000);
});
