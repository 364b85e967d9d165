// The queue a class sees and rearranges: waiting runs move to any place, the one moved first starts next, a
// running or unknown run cannot be moved (a named error through the dispatcher), and a waiting run can be
// taken off the queue.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/service/dispatcher';
import type { LabService } from '../../electron/service/lab-service';
import { smallConfig, tempDir } from '../store/store-fixture';
import { createService, recordEvents, waitFor, WatchedLauncher } from './service-fixture';

const tmp = tempDir();
let service: LabService;
let dispatch: Dispatch;
let rec: ReturnType<typeof recordEvents>;

beforeAll(() => {
  service = createService(join(tmp.dir, 'lab.db'), new WatchedLauncher());
  dispatch = createDispatcher(service.handlers());
  rec = recordEvents(service);
});
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

describe('queue:move', () => {
  it('reorders waiting runs; the run moved to the front starts next', async () => {
    const a = service.startRun(smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }));
    const [b, c, d] = [service.startRun(smallConfig()), service.startRun(smallConfig()), service.startRun(smallConfig())];
    expect(await dispatch('queue:move', { runId: d.id, to: 0 })).toEqual({ ok: true, value: { running: a.id, queued: [d.id, b.id, c.id] } });
    expect(await dispatch('queue:move', { runId: b.id, to: 99 })).toEqual({ ok: true, value: { running: a.id, queued: [d.id, c.id, b.id] } });
    expect(await dispatch('queue:move', { runId: a.id, to: 0 })).toMatchObject({ ok: false, error: { name: 'ValidationError', message: `runId: run ${a.id} is not waiting in the queue` } });
    expect(await dispatch('queue:move', { runId: b.id, to: -1 })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(rec.events.filter((e) => e.event.channel === 'queue:changed').at(-1)!.event.payload).toEqual({ running: a.id, queued: [d.id, c.id, b.id] });
    // Cancel one waiting run, stop the running one: the run moved to the front is the one that starts.
    expect((await dispatch('run:stop', { runId: c.id })).ok).toBe(true);
    await waitFor(() => service.store.metrics.stepCountOf(a.id) > 0, 60_000, 'first steps');
    service.stopRun(a.id);
    await waitFor(() => rec.events.some((e) => e.event.channel === 'run:status' && e.event.payload.status === 'running' && e.event.payload.runId !== a.id), 60_000, 'next run');
    const next = rec.events.find((e) => e.event.channel === 'run:status' && e.event.payload.status === 'running' && e.event.payload.runId !== a.id)!;
    expect((next.event.payload as { runId: number }).runId).toBe(d.id);
    expect(service.store.runs.get(c.id)!.status).toBe('stopped');
    for (const id of [b.id, d.id]) service.stopRun(id);
    await service.idle();
  });
});
