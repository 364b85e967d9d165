// A run through the lab service with a real trainer process streams its layer probes in progress events,
// writes them to the SQLite file, and a second store opened on that file reads the same probes back.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import type { LayerProbeRecord } from '../../electron/common/records';
import { openStore } from '../../electron/store/store';
import { smallConfig, tempDir } from '../store/store-fixture';
import { createService, recordEvents } from './service-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const service = createService(dbPath);
const rec = recordEvents(service);
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

describe('layer probes of a real run', () => {
  it('are streamed, stored and read back from the file', async () => {
    const base = smallConfig({ trainSize: 320, batchSize: 32 });
    const run = service.startRun({ ...base, training: { ...base.training, statsEvery: 1, probeEvery: 3 } });
    expect((await rec.ended(run.id)).status).toBe('completed');
    const streamed = rec.events
      .filter((e): e is { at: number; event: Extract<LabEvent, { channel: 'run:progress' }> } => e.event.channel === 'run:progress' && e.event.payload.runId === run.id)
      .flatMap((e) => e.event.payload.probes ?? []);
    expect(streamed.map((p) => p.step)).toEqual([0, 3, 6, 9]);
    const detail = await service.handlers()['run:get']({ runId: run.id, maxPoints: 2000 });
    expect(detail.probes?.map((p) => p.step)).toEqual([0, 3, 6, 9]);

    const other = openStore(dbPath);
    const stored: LayerProbeRecord[] = other.probes.list(run.id);
    other.close();
    expect(stored).toHaveLength(4);
    // One hidden sigmoid layer and the output; the stored numbers are the streamed ones.
    expect(stored[0]!.layers.map((l) => l.layer)).toEqual([0, 1]);
    expect(stored[0]!.layers[0]!.deltaNorm).toBeCloseTo(streamed[0]!.layers[0]!.deltaNorm, 12);
    expect(stored[0]!.layers[0]!.saturatedFrac).not.toBeNull();
    expect(stored[0]!.layers[1]!.ledgerRatio).toBeNull();
    expect(stored[0]!.loss).toBeGreaterThan(0);
  });
});

describe('predict → observe', () => {
  it('keeps a student prediction with a run, refuses bad values by field, and returns it with the run', async () => {
    const base = smallConfig({ trainSize: 320, batchSize: 32 });
    const run = service.startRun({ ...base, training: { ...base.training, probeEvery: 0 } });
    const h = service.handlers();
    const saved = await h['run:predict']({ runId: run.id, prediction: { quantity: 'deltaNorm', values: [-3.5, null] } });
    expect(saved).toMatchObject({ quantity: 'deltaNorm', values: [-3.5, null] });
    const { createDispatcher } = await import('../../electron/service/dispatcher');
    const bad = await createDispatcher(h)('run:predict', { runId: run.id, prediction: { quantity: 'deltaNorm', values: [99] } });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/prediction\.values\.0: a predicted value must be at most 10/) } });
    await rec.ended(run.id);
    const detail = await h['run:get']({ runId: run.id, maxPoints: 100 });
    expect(detail.studentPrediction).toMatchObject({ quantity: 'deltaNorm', values: [-3.5, null] });
    expect(detail.probes).toEqual([]);
  });
});
