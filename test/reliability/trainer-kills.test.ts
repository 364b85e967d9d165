// kill -9 of the trainer at seeded random moments across many runs of one service: before it is ready, right
// after 'ready' or 'started', mid-epoch, while the host is writing a flush, at an epoch's end and during the
// final evaluation. Every run must end 'failed' with the reason, keep every record the host received before
// the run ended (whatever arrived after lies within a second of the kill), leave no trainer process behind and
// a sound database, and the next run must work. RELIABILITY_SEED=n replays another schedule.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromTrainer } from '../../electron/common/trainer-protocol';
import type { LabService } from '../../electron/service/lab-service';
import { createService, recordEvents } from '../service/service-fixture';
import { smallConfig, tempDir } from '../store/store-fixture';
import { alive, seeded, TappedLauncher, type Tapped } from './reliability-fixture';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20261128);
const MOMENTS = ['spawn', 'ready', 'started', 'mid-epoch', 'flush', 'epoch-end', 'near-end'] as const;
type Moment = (typeof MOMENTS)[number];
const PER_MOMENT = 3;
// 400 images in batches of 10 over 2 epochs: 80 steps.
const VICTIM = smallConfig({ trainSize: 400, testSize: 1000, batchSize: 10, epochs: 2 });
const STEPS = 80;
// A near-end kill is sent when the host reads the last batch record; on a busy machine that can be tens of
// milliseconds after the trainer sent it, longer than VICTIM's final evaluation (about 7 ms here, so the run once
// completed first). This victim's (10 000 test images through 256 units, about 240 ms) leaves room for the kill.
const NEAR_END_VICTIM: typeof VICTIM = { ...smallConfig({ trainSize: 400, testSize: 10_000, batchSize: 10, epochs: 2 }), model: { ...VICTIM.model, width: 256 } };
// A flush kill needs timed flushes (every 250 ms) after it is armed, so the run must outlast a few of them however
// fast the engine gets (400 steps of batch 10 now take under 250 ms): 3000 steps. The kill ends it at the first
// flush after arming, so its length costs nothing.
const FLUSH_VICTIM = smallConfig({ trainSize: 1000, testSize: 100, batchSize: 10, epochs: 30 });

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const launcher = new TappedLauncher();
let service: LabService;
let rec: ReturnType<typeof recordEvents>;
/** Set while a 'flush' kill is armed; returns true once it has killed. */
let killInFlush: (() => boolean) | undefined;

beforeAll(() => {
  service = createService(dbPath, launcher);
  rec = recordEvents(service);
  // Time a kill to land while the host writes a flush: the real append runs right after the signal is sent.
  const metrics = service.store.metrics;
  const append = metrics.append.bind(metrics);
  metrics.append = (runId, records) => {
    if (killInFlush?.()) killInFlush = undefined;
    return append(runId, records);
  };
});
afterAll(async () => {
  await service?.close();
  tmp.cleanup();
});

function schedule(): { moment: Moment; step: number; delayMs: number }[] {
  const rand = seeded(SEED);
  const plan = MOMENTS.flatMap((moment) =>
    Array.from({ length: PER_MOMENT }, () => {
      const step = 1 + Math.floor(rand() * (STEPS - 4));
      // A flush kill is armed early so that timed flushes (every 250 ms) still come before the run ends.
      return { moment, step: moment === 'flush' ? 1 + (step % 20) : step, delayMs: Math.floor(rand() * 400) };
    }),
  );
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  return plan;
}

function arm(moment: Moment, step: number, delayMs: number): void {
  launcher.onLaunch = moment === 'spawn' ? (t) => setTimeout(() => t.kill(), delayMs) : undefined;
  let total = STEPS;
  launcher.onMessage = (t: Tapped, m: FromTrainer) => {
    if (m.type === 'started') total = m.totalSteps;
    const hit =
      (moment === 'ready' && m.type === 'ready') ||
      (moment === 'started' && m.type === 'started') ||
      (moment === 'mid-epoch' && m.type === 'batch' && m.step === step) ||
      (moment === 'epoch-end' && m.type === 'epoch' && m.epoch === 0) ||
      (moment === 'near-end' && m.type === 'batch' && m.step === total - 1);
    if (hit) t.kill();
    // The first timed flush after `step` (the last flush of a run that got to 'done' does not count).
    if (moment === 'flush' && m.type === 'batch' && m.step === step) {
      killInFlush = () => {
        if (t.received.some((r) => r.m.type === 'done')) return false;
        t.kill();
        return true;
      };
    }
  };
}

describe(`kill -9 of the trainer (seed ${SEED})`, () => {
  const plan = schedule();
  const survived: string[] = [];

  it(`survives ${plan.length} kills at different moments; each run fails with the reason and keeps what arrived`, async () => {
    expect(plan.length).toBeGreaterThanOrEqual(20);
    for (const [i, { moment, step, delayMs }] of plan.entries()) {
      const what = `kill ${i + 1} (${moment}${moment === 'mid-epoch' || moment === 'flush' ? ` at step ${step}` : moment === 'spawn' ? ` after ${delayMs} ms` : ''})`;
      arm(moment, step, delayMs);
      const run = service.startRun(moment === 'flush' ? FLUSH_VICTIM : moment === 'near-end' ? NEAR_END_VICTIM : VICTIM, `victim ${i + 1}`);
      const end = await rec.ended(run.id, 60_000);
      const endAt = rec.events.find((e) => e.event.channel === 'run:status' && e.event.payload.runId === run.id && e.event.payload.status === end.status)!.at;
      const t = launcher.launches[launcher.launches.length - 1]!;
      killInFlush = undefined;

      expect(t.killedAt, what).toBeDefined();
      expect(end.status, what).toBe('failed');
      expect(end.error, what).toMatch(/trainer process ended unexpectedly \(signal SIGKILL\)/);
      const summary = service.store.runs.get(run.id)!;
      expect(summary, what).toMatchObject({ status: 'failed', progress: null, error: expect.stringMatching(/SIGKILL/) });
      expect(summary.endedAt, what).toBeTruthy();

      // Every batch, epoch and histogram the host received before the run ended is stored, in order.
      const before = t.received.filter((r) => r.at <= endAt).map((r) => r.m);
      const rows = service.store.metrics.rows(run.id);
      expect(rows.steps.map((s) => s[0]), what).toEqual(before.flatMap((m) => (m.type === 'batch' ? [m.step] : [])));
      expect(rows.epochs.map((e) => e.epoch), what).toEqual(before.flatMap((m) => (m.type === 'epoch' ? [m.epoch] : [])));
      expect(rows.histograms.length, what).toBe(before.filter((m) => m.type === 'histogram').length);
      // What arrived after the run ended (still in the pipe at the kill) is at most the last second.
      for (const late of t.received.filter((r) => r.at > endAt)) expect(late.at - t.killedAt!, what).toBeLessThan(1000);
      if (moment === 'mid-epoch' || moment === 'flush' || moment === 'near-end') expect(rows.steps.length, what).toBeGreaterThan(0);

      expect(alive(t.handle.pid!), `${what}: trainer process gone`).toBe(false);
      expect(service.store.integrityCheck(), what).toBe('ok');
      survived.push(what);
    }
    expect(survived).toHaveLength(plan.length);
  }, 240_000);

  it('runs the next run to completion, queued behind a run whose trainer is killed, on a sound file', async () => {
    arm('mid-epoch', 20, 0);
    const victim = service.startRun(VICTIM, 'last victim');
    const next = service.startRun(smallConfig({ trainSize: 300, testSize: 100, batchSize: 10, epochs: 1 }), 'after the kills');
    expect(next.status).toBe('queued');
    expect((await rec.ended(victim.id)).status).toBe('failed');
    launcher.onMessage = undefined;
    const end = await rec.ended(next.id, 60_000);
    expect(end.status).toBe('completed');
    expect(service.store.metrics.rows(next.id).steps.map((s) => s[0])).toEqual(Array.from({ length: 30 }, (_, i) => i));
    await service.close();
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT count(*) FROM runs WHERE status = 'failed'").pluck().get()).toBe(survived.length + 1);
      expect(db.prepare("SELECT count(*) FROM runs WHERE status IN ('queued', 'running')").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 120_000);
});
