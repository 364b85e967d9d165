// The desktop app's WebGPU rung, outside Electron: the built trainer page in real headless Chromium, on
// SwiftShader's software adapter, connected through a MessageChannel the way the trainer window's preload
// connects it. It speaks the trainer protocol, trains a short run on navigator.gpu, and gives the same
// per-layer statistics as the CPU rung; without WebGPU it says why instead of hanging.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchRecord, LayerStats } from '../../electron/common/records';
import type { EndMessage, FromTrainer, StartedMessage } from '../../electron/common/trainer-protocol';
import { isEndMessage } from '../../electron/common/trainer-protocol';
import { presetOn, trainCollect } from '../engine/helpers';
import { deviceLossHook, openTrainerPage, WEBGPU_ARGS, type TrainerPage } from './trainer-page-harness';

const FIELDS: (keyof LayerStats)[] = ['gradNorm', 'gradMeanAbs', 'gradMaxAbs', 'biasGradNorm', 'deltaNorm', 'weightNorm', 'updateRatio', 'actMean', 'actStd'];
const budget = { trainSize: 192, testSize: 200, epochs: 1, batchSize: 64, statsEvery: 1, histogramEvery: 0 };

const probeResult = (m: FromTrainer): m is Extract<FromTrainer, { type: 'probe-result' }> => m.type === 'probe-result';
const started = (m: FromTrainer): m is StartedMessage => m.type === 'started';
const ended = (m: FromTrainer): m is EndMessage => isEndMessage(m);

describe('WebGPU trainer page in headless Chromium (SwiftShader)', () => {
  let tp: TrainerPage;
  beforeAll(async () => {
    tp = await openTrainerPage(WEBGPU_ARGS);
    await tp.waitFor((m): m is FromTrainer => m.type === 'ready', 30_000);
  });
  afterAll(async () => tp?.close());

  it('reports the webgpu rung available on the software adapter', async () => {
    await tp.send({ type: 'probe' });
    const r = await tp.waitFor(probeResult, 120_000);
    expect(r.backends).toEqual([{ name: 'webgpu', available: true, reason: "Chromium's WebGPU in a hidden trainer window, adapter: google swiftshader" }]);
    expect(tp.received.some((m) => m.type === 'log' && /WebGPU adapter: .*swiftshader/i.test(m.message))).toBe(true);
  });

  it('trains a deep sigmoid net on WebGPU with the per-layer statistics of the CPU rung', async () => {
    const config = presetOn('deep-sigmoid', budget);
    await tp.start(config);
    const s = await tp.waitFor(started, 60_000);
    expect(s).toMatchObject({ backend: 'webgpu', engine: 'tape', trainSize: 192, totalSteps: 3 });
    const end = await tp.waitFor(ended, 150_000);
    expect(end.type).toBe('done');
    const gpu = tp.received.filter((m): m is BatchRecord => m.type === 'batch');
    expect(gpu.map((b) => b.step)).toEqual([0, 1, 2]);
    // The page closes itself once the host acknowledges the run's last message.
    await tp.send({ type: 'stop' });
    await expect.poll(() => tp.closed(), { timeout: 10_000 }).toBe(true);

    await tf.setBackend('cpu');
    const cpu = await trainCollect(config);
    expect(cpu.outcome.type).toBe('done');
    expect(gpu.length).toBe(cpu.batches.length);
    gpu.forEach((b, i) => {
      const c = cpu.batches[i]!;
      expect(Math.abs(b.loss - c.loss)).toBeLessThan(1e-4);
      expect(b.layers).toHaveLength(c.layers!.length);
      b.layers!.forEach((l, k) => {
        for (const f of FIELDS) {
          const [x, y] = [l[f], c.layers![k]![f]];
          expect(Math.abs(x - y), `step ${b.step} layer ${k} ${f}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12);
        }
      });
    });
    if (end.type === 'done' && cpu.outcome.type === 'done') {
      expect(Math.abs(end.final.testLoss - cpu.outcome.final.testLoss)).toBeLessThan(1e-3);
      expect(end.predictions[0]!.pixels).toBe(cpu.outcome.predictions[0]!.pixels);
    }
  });
});

describe('trainer page without WebGPU', () => {
  it('answers the probe with a plain reason and fails a run with it, without hanging', async () => {
    // No --enable-unsafe-webgpu: this Chromium gives the page no adapter.
    const tp = await openTrainerPage(['--headless', '--no-sandbox', '--disable-gpu']);
    try {
      await tp.send({ type: 'probe' });
      const r = await tp.waitFor(probeResult, 60_000);
      expect(r.backends[0]).toMatchObject({ name: 'webgpu', available: false });
      expect(r.backends[0]!.reason).toMatch(/no WebGPU adapter|navigator\.gpu/);
      await tp.start(presetOn('deep-sigmoid', budget));
      const end = await tp.waitFor(ended, 60_000);
      expect(end).toEqual({ type: 'failed', message: r.backends[0]!.reason });
    } finally {
      await tp.close();
    }
  });
});

describe('trainer page whose GPU device is lost mid-run', () => {
  it('fails the run with the device\'s reason instead of hanging', async () => {
    const tp = await openTrainerPage(WEBGPU_ARGS, { initScript: deviceLossHook });
    try {
      await tp.waitFor((m): m is FromTrainer => m.type === 'ready', 30_000);
      await tp.start(presetOn('deep-sigmoid', { ...budget, trainSize: 1280 }));
      await tp.waitFor((m): m is BatchRecord => m.type === 'batch', 120_000);
      await tp.page.evaluate(() => (window as unknown as { __loseDevice(): void }).__loseDevice());
      const end = await tp.waitFor(ended, 30_000);
      expect(end.type).toBe('failed');
      expect(end.type === 'failed' && end.message).toMatch(/^the WebGPU device was lost/);
      expect(tp.received.filter((m) => m.type === 'batch').length).toBeLessThan(20);
    } finally {
      await tp.close();
    }
  });
});
