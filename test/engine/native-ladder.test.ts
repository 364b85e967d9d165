// The CUDA rung against stand-ins shaped like @tensorflow/tfjs-node-gpu (test/fixtures/native): a real trainer
// process resolves the native packages from a fixture folder and must take the GPU package only when its
// 'tensorflow' backend reports a GPU device, fall back with the reason when the install is broken, aborts or
// hangs, and end a run with the device's own error when the GPU goes away mid-run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_LADDER } from '../../electron/common/app-info';
import type { FromTrainer, StartedMessage } from '../../electron/common/trainer-protocol';
import { NATIVE_MODULES_ENV_VAR, NATIVE_PROBE_TIMEOUT_ENV_VAR } from '../../electron/engine/native-probe';
import { presetOn, runInChild, type ChildRun } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/native');
/** No WebGPU adapter for these runs, so the rung below CUDA is a CPU one on every machine. */
const envFor = (variant: string): NodeJS.ProcessEnv => ({
  [NATIVE_MODULES_ENV_VAR]: join(FIXTURES, variant),
  [NATIVE_PROBE_TIMEOUT_ENV_VAR]: '3000',
  VK_ICD_FILENAMES: join(FIXTURES, 'no-such-icd.json'),
});
const small = () => presetOn('seed-keras', { trainSize: 512, testSize: 200, epochs: 1, batchSize: 64, statsEvery: 1 });
const startedOf = (run: ChildRun) => run.messages.find((m): m is StartedMessage => m.type === 'started');

function probeIn(variant: string): Promise<Extract<FromTrainer, { type: 'probe-result' }>> {
  return runInChild({ type: 'probe' }, (m, handle) => {
    if (m.type === 'probe-result') handle.send({ type: 'stop' });
  }, envFor(variant)).then((run) => run.messages.find((m): m is Extract<FromTrainer, { type: 'probe-result' }> => m.type === 'probe-result')!);
}

describe('CUDA rung (tfjs-node-gpu stand-ins)', () => {
  it('trains on the GPU package when its backend reports a GPU device', async () => {
    const [probe, run] = await Promise.all([probeIn('gpu'), runInChild({ type: 'start', config: small() }, undefined, envFor('gpu'))]);
    expect(probe.backends.find((b) => b.name === 'tensorflow-gpu')).toMatchObject({ available: true, reason: '@tensorflow/tfjs-node-gpu loaded and initialised' });
    expect(run.end?.type).toBe('done');
    const started = startedOf(run)!;
    expect(started.backend).toBe('tensorflow-gpu');
    expect(started.skipped).toEqual([]);
    // A backend with a device of its own trains on tfjs ops, not on the wasm kernels.
    expect(started.engine).toBe('tfjs-ops');
  }, 60_000);

  it('skips the GPU package that found no GPU device, saying why, and trains on a CPU rung', async () => {
    const run = await runInChild({ type: 'start', config: small() }, undefined, envFor('no-device'));
    expect(run.end?.type).toBe('done');
    const started = startedOf(run)!;
    expect(started.skipped[0]).toEqual({
      name: 'tensorflow-gpu',
      reason: '@tensorflow/tfjs-node-gpu loaded but found no GPU device (are the CUDA 11.2 and cuDNN 8.1 libraries on the library path?)',
    });
    // No WebGPU adapter in this environment: the rung says so plainly.
    expect(started.skipped[1]).toEqual({ name: 'webgpu', reason: 'no WebGPU adapter on this machine (no GPU driver with Vulkan, Metal or Direct3D 12)' });
    expect(['wasm', 'cpu']).toContain(started.backend);
    expect(BACKEND_LADDER.indexOf(started.backend)).toBe(started.skipped.length);
  }, 60_000);

  it('falls back with the reason when the install throws, aborts the process or hangs', async () => {
    const [broken, aborts, hangs] = await Promise.all(['broken', 'aborts', 'hangs'].map((v) => runInChild({ type: 'start', config: small() }, undefined, envFor(v))));
    const reasons = [broken, aborts, hangs].map((run) => {
      expect(run!.end?.type).toBe('done');
      const started = startedOf(run!)!;
      expect(['wasm', 'cpu']).toContain(started.backend);
      return started.skipped.find((s) => s.name === 'tensorflow-gpu')!.reason;
    });
    expect(reasons[0]).toBe('package @tensorflow/tfjs-node-gpu is installed but failed to load: libcudart.so.11.0: cannot open shared object file: No such file or directory');
    expect(reasons[1]).toMatch(/^loading package @tensorflow\/tfjs-node-gpu ended its probe process: signal SIGABRT: Could not load library libcudnn/);
    expect(reasons[2]).toBe('package @tensorflow/tfjs-node-gpu did not finish loading within 3 s');
  }, 60_000);

  it('ends the run as failed with the device error when the GPU disappears or runs out of memory mid-run', async () => {
    const [lost, oom] = await Promise.all(['lost', 'oom'].map((v) => runInChild({ type: 'start', config: small() }, undefined, envFor(v))));
    for (const run of [lost!, oom!]) {
      expect(startedOf(run)!.backend).toBe('tensorflow-gpu');
      expect(run.messages.some((m) => m.type === 'batch')).toBe(true);
      expect(run.end?.type).toBe('failed');
      expect(run.exit.code).toBe(1);
    }
    expect((lost!.end as { message: string }).message).toContain('CUDA_ERROR_DEVICE_UNAVAILABLE');
    expect((oom!.end as { message: string }).message).toContain('OOM when allocating tensor');
  }, 60_000);
});
