// The lab service with real trainer processes: a run is saved as it trains, progress events are throttled, runs
// queue one at a time, a killed trainer fails its run with the reason and keeps what was flushed, stop works,
// and every bad request comes back as a validation error through the dispatcher.
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import { createDispatcher, type Dispatch } from '../../electron/service/dispatcher';
import type { LabService } from '../../electron/service/lab-service';
import { smallConfig, tempDir } from '../store/store-fixture';
import { createService, recordEvents, waitFor, WatchedLauncher } from './service-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const launcher = new WatchedLauncher();
let service: LabService;
let dispatch: Dispatch;
let rec: ReturnType<typeof recordEvents>;

beforeAll(() => {
  service = createService(dbPath, launcher);
  dispatch = createDispatcher(service.handlers());
  rec = recordEvents(service);
});
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

const progressOf = (runId: number) =>
  rec.events.filter((e): e is { at: number; event: Extract<LabEvent, { channel: 'run:progress' }> } => e.event.channel === 'run:progress' && e.event.payload.runId === runId);

describe('lab service', () => {
  it('queues runs one at a time, saves them as they train and throttles progress events', async () => {
    const a = service.startRun(smallConfig({ epochs: 2 }), 'first');
    const b = service.startRun(smallConfig({ preset: 'seed-keras' }));
    expect(b.status).toBe('queued');
    expect(await service.handlers()['queue:get']({})).toEqual({ running: a.id, queued: [b.id] });
    const endA = await rec.ended(a.id);
    expect(endA.status).toBe('completed');
    expect(endA.final!.testAcc).toBeGreaterThan(0);
    // b only starts once a has ended.
    const runningB = rec.events.findIndex((e) => e.event.channel === 'run:status' && e.event.payload.runId === b.id && e.event.payload.status === 'running');
    const endedA = rec.events.findIndex((e) => e.event.channel === 'run:status' && e.event.payload.runId === a.id && e.event.payload.status === 'completed');
    expect(runningB === -1 || runningB > endedA).toBe(true);
    expect((await rec.ended(b.id)).status).toBe('completed');

    const progress = progressOf(a.id);
    // At most 20 a second while training; the run's last event (its final flush) goes out at once.
    for (let i = 1; i < progress.length - 1; i++) expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(45);
    expect(progress[0]!.event.payload.started?.backend).toBeTruthy();
    const streamed = progress.flatMap((p) => p.event.payload.batches.map((x) => x.step));
    const last = progress[progress.length - 1]!.event.payload.progress;
    expect(last.step).toBe(last.totalSteps);
    expect(progress.flatMap((p) => p.event.payload.epochs).map((e) => e.epoch)).toEqual([0, 1]);

    const detail = await service.handlers()['run:get']({ runId: a.id, maxPoints: 2000 });
    expect(detail.summary).toMatchObject({ name: 'first', status: 'completed', preset: 'seed-he' });
    expect(detail.series.steps).toEqual(streamed);
    expect(detail.epochs).toHaveLength(2);
    expect(detail.layers.length).toBe(2);
    expect(detail.series.layerStats[0]!.length).toBe(streamed.length);

    const cmp = await service.handlers()['run:compare']({ runIds: [a.id, b.id], maxPoints: 2000 });
    expect(cmp.diff.map((d) => d.field).sort()).toEqual(['preset', 'training.epochs']);
  });

  it('fails a run whose trainer is killed, keeps its flushed records, and runs the next one', async () => {
    const run = service.startRun(smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }));
    await waitFor(() => service.store.metrics.stepCountOf(run.id) > 5, 60_000, 'first flushed steps');
    const trainer = launcher.handles[launcher.handles.length - 1]!;
    process.kill(trainer.pid!, 'SIGKILL');
    const end = await rec.ended(run.id);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(/trainer process ended unexpectedly \(signal SIGKILL\)/);
    const streamed = progressOf(run.id).flatMap((p) => p.event.payload.batches.map((b) => b.step));
    const saved = service.store.metrics.rows(run.id).steps.map((s) => s[0]);
    expect(saved.length).toBeGreaterThan(5);
    // Everything the service received was written (the last flush happens when the trainer's exit is seen).
    expect(saved).toEqual(streamed);
    expect(service.store.runs.get(run.id)!.error).toMatch(/SIGKILL/);

    const next = service.startRun(smallConfig());
    expect((await rec.ended(next.id)).status).toBe('completed');
  });

  it('stops a running run within moments and takes a queued run off the queue', async () => {
    const running = service.startRun(smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }));
    const queued = service.startRun(smallConfig());
    await waitFor(() => service.store.metrics.stepCountOf(running.id) > 0, 60_000, 'first steps');
    const del = await dispatch('run:delete', { runIds: [running.id] });
    expect(del).toMatchObject({ ok: false, error: { name: 'RunStateError', message: expect.stringMatching(/is running; stop it before deleting it/) } });
    expect(service.stopRun(queued.id).status).toBe('stopped');
    const t0 = Date.now();
    service.stopRun(running.id);
    expect((await rec.ended(running.id)).status).toBe('stopped');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(service.store.metrics.stepCountOf(running.id)).toBeGreaterThan(0);
    expect(rec.events.some((e) => e.event.channel === 'run:status' && e.event.payload.runId === queued.id && e.event.payload.status === 'running')).toBe(false);
    expect(await dispatch('run:delete', { runIds: [running.id, queued.id] })).toEqual({ ok: true, value: { deleted: 2 } });
  });

  it('marks runs of a host that died as interrupted at start, and leaves a live host’s runs alone', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const other = join(tmp.dir, 'recover.db');
    const first = createService(other);
    const orphan = first.store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: deadPid });
    first.store.runs.setStatus(orphan, 'running', new Date().toISOString());
    const alive = first.store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: process.ppid });
    first.store.runs.setStatus(alive, 'running', new Date().toISOString());
    await first.close();
    const second = createService(other);
    expect(second.recovered).toEqual([orphan]);
    expect(second.store.runs.get(orphan)).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/ended while this run was training/) });
    expect(second.store.runs.get(alive)!.status).toBe('running');
    await second.close();
  });
});

describe('bad requests through the dispatcher', () => {
  const cases: [string, string, unknown, RegExp][] = [
    ['unknown run id (get)', 'run:get', { runId: 9999 }, /run 9999 does not exist/],
    ['unknown run id (update)', 'run:update', { runId: 9999, name: 'x' }, /run 9999 does not exist/],
    ['unknown run id (stop)', 'run:stop', { runId: 9999 }, /run 9999 does not exist/],
    ['unknown run id (delete)', 'run:delete', { runIds: [9999] }, /run 9999 does not exist/],
    ['unknown run id (export)', 'bundle:export', { runIds: [9999] }, /run 9999 does not exist/],
    ['unknown run id (csv)', 'run:csv', { runId: 9999 }, /run 9999 does not exist/],
    ['unknown run id (compare)', 'run:compare', { runIds: [1, 9999] }, /run 9999 does not exist/],
    ['an empty compare set', 'run:compare', { runIds: [] }, /pick at least 2 runs to compare/],
    ['more than 8 runs to compare', 'run:compare', { runIds: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, /at most 8 runs can be compared/],
    ['the same run twice', 'run:compare', { runIds: [1, 1] }, /each run may appear only once/],
    ['a long name', 'run:update', { runId: 1, name: 'n'.repeat(201) }, /name: name may be at most 200 characters/],
    ['an empty name', 'run:update', { runId: 1, name: '   ' }, /name must not be empty/],
    ['long notes', 'run:update', { runId: 1, notes: 'n'.repeat(20_001) }, /notes may be at most 20000 characters/],
    ['a long tag', 'run:update', { runId: 1, tags: ['t'.repeat(41)] }, /tags\.0: a tag may be at most 40 characters/],
    ['too many tags', 'run:update', { runId: 1, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /at most 20 tags/],
    ['a bundle that is not base64', 'bundle:import', { fileName: 'x.gz', data: '%%%' }, /must be base64/],
    ['a bundle that is not gzip', 'bundle:import', { fileName: 'x.gz', data: Buffer.from('hello').toString('base64') }, /not gzip-compressed/],
    ['a running run id of another kind', 'run:get', { runId: -1 }, /runId must be positive/],
  ];
  for (const [what, channel, payload, message] of cases) {
    it(`refuses ${what}`, async () => {
      const r = await dispatch(channel, payload);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toMatch(message);
        expect(['ValidationError', 'BundleError']).toContain(r.error.name);
      }
    });
  }

  it('edits name, notes and tags within their limits', async () => {
    const r = await dispatch('run:update', { runId: 1, name: ' renamed ', notes: 'n'.repeat(20_000), tags: ['a', 'b'] });
    expect(r).toMatchObject({ ok: true, value: { name: 'renamed', tags: ['a', 'b'] } });
  });
});
