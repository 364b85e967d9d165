// GPU faults as the app meets them, through the real service, trainer processes and SQLite file: a GPU that
// disappears mid-run fails that run with the device's error saved on it, and the service goes on to the next
// run, which falls back past a CUDA install that hangs and saves why it did.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NATIVE_MODULES_ENV_VAR, NATIVE_PROBE_TIMEOUT_ENV_VAR } from '../../electron/engine/native-probe';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import type { Launcher, TrainerHandle } from '../../electron/service/launcher';
import { smallConfig, tempDir } from '../store/store-fixture';
import { createService, recordEvents, TRAINER_ENTRY } from './service-fixture';

const FIXTURES = join(import.meta.dirname, '../fixtures/native');

/** Each trainer it launches sees the next stand-in install of tfjs-node-gpu (and no WebGPU adapter). */
class FixtureLauncher implements Launcher {
  constructor(private readonly variants: string[]) {}
  launch(): TrainerHandle {
    const variant = this.variants.shift() ?? 'no-device';
    return new ForkLauncher({
      entry: TRAINER_ENTRY,
      env: { [NATIVE_MODULES_ENV_VAR]: join(FIXTURES, variant), [NATIVE_PROBE_TIMEOUT_ENV_VAR]: '3000', VK_ICD_FILENAMES: join(FIXTURES, 'no-such-icd.json') },
    }).launch();
  }
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('GPU faults', () => {
  it('saves the device error on a run whose GPU goes away, then trains the next run on a lower rung', async () => {
    const service = createService(join(tmp.dir, 'lab.db'), new FixtureLauncher(['lost', 'hangs']));
    try {
      const rec = recordEvents(service);
      const lost = service.startRun(smallConfig({ epochs: 2 }));
      const next = service.startRun(smallConfig());
      const end = await rec.ended(lost.id);
      expect(end.status).toBe('failed');
      expect(end.error).toContain('CUDA_ERROR_DEVICE_UNAVAILABLE: the GPU has fallen off the bus');
      expect(service.store.runs.get(lost.id)).toMatchObject({ status: 'failed', backend: 'tensorflow-gpu', engine: 'tfjs-ops' });
      expect(service.store.runs.get(lost.id)!.error).toContain('CUDA_ERROR_DEVICE_UNAVAILABLE');
      expect(service.store.metrics.stepCountOf(lost.id)).toBeGreaterThan(0);

      expect((await rec.ended(next.id)).status).toBe('completed');
      const saved = service.store.runs.get(next.id)!;
      expect(['wasm', 'cpu']).toContain(saved.backend);
      expect(saved.engine).toBe('kernels');
      expect(saved.skipped[0]).toEqual({ name: 'tensorflow-gpu', reason: 'package @tensorflow/tfjs-node-gpu did not finish loading within 3 s' });
    } finally {
      await service.close();
    }
  }, 120_000);
});
