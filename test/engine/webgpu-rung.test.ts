// The WebGPU rung for real, on a software adapter (SwiftShader's Vulkan driver from Debian's chromium package;
// a machine with a GPU driver uses its own): chosen from the top of the ladder when an adapter exists, trains
// on the tape step with asynchronous reads, and gives the same per-layer statistics as the cpu backend.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchRecord, LayerStats } from '../../electron/common/records';
import type { StartedMessage } from '../../electron/common/trainer-protocol';
import { selectBackend } from '../../electron/engine/backends';
import { WEBGPU_TIMEOUT_ENV_VAR, webgpuFault } from '../../electron/engine/webgpu-rung';
import { presetOn, runInChild, trainCollect } from './helpers';

/** SwiftShader's Vulkan ICD as Debian's chromium installs it (.ci/run installs chromium and libvulkan1). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'gl-xdg-'));

// Few steps of small models: a software adapter compiles every shader on the CPU.
const budget = { trainSize: 192, testSize: 200, epochs: 1, batchSize: 64, statsEvery: 1, histogramEvery: 0 };
const FIELDS: (keyof LayerStats)[] = ['gradNorm', 'gradMeanAbs', 'gradMaxAbs', 'biasGradNorm', 'deltaNorm', 'weightNorm', 'updateRatio', 'actMean', 'actStd'];

function expectSameStats(gpu: BatchRecord[], cpu: BatchRecord[], rtol: number): void {
  expect(gpu.length).toBe(cpu.length);
  gpu.forEach((b, i) => {
    const c = cpu[i]!;
    expect(Math.abs(b.loss - c.loss)).toBeLessThan(1e-4);
    b.layers!.forEach((l, k) => {
      for (const f of FIELDS) {
        const [x, y] = [l[f], c.layers![k]![f]];
        // A bias in front of batch norm gets a gradient that cancels to rounding noise: compare it at δ's scale.
        const floor = f === 'biasGradNorm' ? 1e-5 * l.deltaNorm : 1e-12;
        expect(Math.abs(x - y), `step ${b.step} layer ${k} ${f}: ${x} vs ${y}`).toBeLessThanOrEqual(rtol * Math.max(Math.abs(x), Math.abs(y)) + floor);
      }
    });
  });
}

describe('WebGPU rung (software adapter)', () => {
  beforeAll(async () => {
    // From the top of the ladder: no CUDA here, so WebGPU is the first rung that works.
    const choice = await selectBackend();
    expect(choice.backend).toBe('webgpu');
    expect(choice.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu']);
  }, 120_000);

  it('gives the same per-layer statistics as the cpu backend for a deep sigmoid net and a batch-norm net', async () => {
    for (const id of ['seed-batchnorm', 'deep-sigmoid']) {
      const config = presetOn(id, budget);
      expect((await selectBackend('webgpu')).backend).toBe('webgpu');
      const gpu = await trainCollect(config);
      expect(gpu.outcome.type).toBe('done');
      expect(await selectBackend('cpu')).toMatchObject({ backend: 'cpu' });
      const cpu = await trainCollect(config);
      expect(cpu.outcome.type).toBe('done');
      expectSameStats(gpu.batches, cpu.batches, 1e-4);
      expect(Math.abs(gpu.epochs[0]!.testLoss - cpu.epochs[0]!.testLoss)).toBeLessThan(1e-3);
      tf.disposeVariables();
    }
  }, 300_000);

  it('is chosen by a trainer process from the top of the ladder and trains on the tape step', async () => {
    const run = await runInChild({ type: 'start', config: presetOn('seed-keras', budget) }, undefined, {
      VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES,
      XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
    });
    expect(run.end?.type).toBe('done');
    const started = run.messages.find((m): m is StartedMessage => m.type === 'started')!;
    expect(started).toMatchObject({ backend: 'webgpu', engine: 'tape' });
    expect(started.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu']);
  }, 120_000);

  it('gives up on an adapter that does not answer in time and trains one rung lower, saying why', async () => {
    const run = await runInChild({ type: 'start', config: presetOn('seed-keras', budget) }, undefined, {
      VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES,
      XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
      [WEBGPU_TIMEOUT_ENV_VAR]: '1',
    });
    expect(run.end?.type).toBe('done');
    const started = run.messages.find((m): m is StartedMessage => m.type === 'started')!;
    expect(started.skipped.find((s) => s.name === 'webgpu')).toEqual({ name: 'webgpu', reason: "backend 'webgpu' failed: no answer from the GPU driver within 0.001 s" });
    expect(['wasm', 'cpu']).toContain(started.backend);
  }, 120_000);

  it('ends training with the device loss as its reason when the device goes away mid-run, without hanging', async () => {
    expect((await selectBackend('webgpu')).backend).toBe('webgpu');
    const device = (tf.backend() as unknown as { device: { destroy(): void } }).device;
    const config = presetOn('seed-keras', { ...budget, trainSize: 640 });
    const error = await trainCollect(config, { onBatch: (b) => b.step === 2 && device.destroy() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(webgpuFault()).toBe('the WebGPU device was lost: device was destroyed');
  }, 120_000);
});
