// A recurrent run end to end through the lab service and a real trainer process: it completes, its progress
// events carry ‖∂E/∂h_t‖ for every time step, the SQLite file keeps them (a row per statistics step), the time
// CSV has a column per step, and a bundle carries them through export and import. Bad recurrent configs are
// refused with the field named before any run starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ExperimentConfigInput } from '../../electron/common/config';
import type { LabEvent } from '../../electron/common/contract';
import type { LabService } from '../../electron/service/lab-service';
import { parseBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
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

const config: ExperimentConfigInput = {
  preset: 'rnn-test',
  dataset: { kind: 'adding', length: 12, trainSize: 200, testSize: 100 },
  model: { depth: 1, width: 16, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
  optimizer: { kind: 'adam', learningRate: 1e-3, clip: { kind: 'norm', threshold: 1 } },
  training: { epochs: 2, batchSize: 20, seed: 5, statsEvery: 2, histogramEvery: 0 },
  recurrent: { cell: 'lstm', hidden: 16 },
};

describe('a recurrent run through the service', () => {
  it('completes and keeps ‖∂E/∂h_t‖ per time step in the database, the time CSV and a bundle', async () => {
    const run = service.startRun(config, 'lstm adding');
    const end = await rec.ended(run.id);
    expect(end.status).toBe('completed');
    const progress = rec.events
      .map((e) => e.event)
      .filter((e): e is Extract<LabEvent, { channel: 'run:progress' }> => e.channel === 'run:progress' && e.payload.runId === run.id);
    expect(progress.find((p) => p.payload.started)?.payload.started).toMatchObject({ engine: 'bptt', backend: 'wasm' });
    const streamed = progress.flatMap((p) => p.payload.batches).filter((b) => b.time);
    expect(streamed.map((b) => b.step)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(streamed.every((b) => b.time!.norms.length === 12 && b.time!.norms.every((v) => v > 0))).toBe(true);

    const store = openStore(dbPath);
    try {
      const rows = store.metrics.time.rows(run.id);
      expect(rows.map((r) => r.step)).toEqual(streamed.map((b) => b.step));
      expect(rows[3]!.norms).toEqual(streamed[3]!.time!.norms);
      expect(rows[0]!.gates.map((g) => g.gate)).toEqual(['i', 'f', 'g', 'o']);
    } finally {
      store.close();
    }

    const csv = [...service.csvChunks(run.id, 'time')].join('').trim().split('\n');
    expect(csv[0]).toBe(['step', ...Array.from({ length: 12 }, (_, t) => `dh${t + 1}`), 'saturated.i', 'saturated.f', 'saturated.g', 'saturated.o'].join(','));
    expect(csv).toHaveLength(11);

    const bundle = service.exportBundle([run.id]);
    const parsed = parseBundle(Buffer.from(bundle.data, 'base64'));
    expect(parsed.runs[0]!.timeStats).toHaveLength(10);
    const { runIds } = service.importBundle(Buffer.from(bundle.data, 'base64'), bundle.fileName);
    const again = openStore(dbPath);
    try {
      expect(again.metrics.time.rows(runIds[0]!)).toEqual(again.metrics.time.rows(run.id));
    } finally {
      again.close();
    }
  });

  it.each([
    ['hidden 0', { recurrent: { cell: 'gru', hidden: 0 } }, /recurrent\.hidden.*at least 1/],
    ['hidden 5000', { recurrent: { cell: 'gru', hidden: 5000 } }, /recurrent\.hidden.*at most 1024/],
    ['a NaN length', { dataset: { kind: 'adding', length: NaN } }, /dataset\.length/],
    ['length 1000', { dataset: { kind: 'adding', length: 1000 } }, /dataset\.length.*at most 400/],
    ['a zero clip threshold', { optimizer: { kind: 'adam', learningRate: 1e-3, clip: { kind: 'norm', threshold: 0 } } }, /optimizer\.clip\.threshold.*at least 1e-6/],
    ['the adding problem without a recurrent model', { recurrent: undefined }, /recurrent.*needs a recurrent model/],
    [
      'a model too large for memory',
      { dataset: { kind: 'adding', length: 400, trainSize: 60000 }, training: { epochs: 1, batchSize: 5000, seed: 1 }, recurrent: { cell: 'lstm', hidden: 1024 } },
      /recurrent\.hidden.*85938 MiB/,
    ],
  ])('refuses %s, naming the field', (_what, over, message) => {
    expect(() => service.startRun({ ...config, ...over } as ExperimentConfigInput)).toThrow(message);
  });
});
