// Nielsen's chapter 5 at step 0: on the preset's [784, 30, 30, 30, 30, 10] sigmoid network, the gradient of the
// cost over 1000 training images (‖∂C/∂bˡ‖, his ‖δˡ‖) grows layer by layer towards the output — each hidden
// layer several times below the next, the first far below the last — for several seeds. The figures are in
// docs/diagnostics.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { initialLossCheck } from '../../electron/common/diagnostics';
import { getPreset } from '../../electron/common/presets';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { probeCase } from '../../electron/engine/train/probe-case';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('Nielsen ch. 5 preset at step 0', () => {
  it.each([1, 2, 3])('seed %i: hidden ‖δˡ‖ several times smaller per layer, the first ≥ 30× below the last', async (seed) => {
    const preset = getPreset('nielsen-ch5')!;
    // His measurement: the whole 1000 images as one batch.
    const config = ExperimentConfigSchema.parse({ ...preset.config, training: { ...preset.config.training, seed, batchSize: 1000 } });
    const { probe } = probeCase(config, await loadDataset(config.dataset, seed));
    const hidden = probe.layers.slice(0, 4).map((l) => l.biasGradNorm);
    for (let l = 0; l < 3; l++) expect(hidden[l + 1]! / hidden[l]!, `layer ${l + 1} → ${l + 2}`).toBeGreaterThan(2.5);
    expect(hidden[3]! / hidden[0]!).toBeGreaterThan(30);
    // The ledger says why: each sigmoid layer passes back about its mean σ' (≈ 0.24, near the 0.25 bound) while
    // LeCun-scaled weights pass the signal on at about 1.
    for (const l of probe.layers.slice(0, 3)) {
      expect(l.ledgerActivation!).toBeGreaterThan(-0.7);
      expect(l.ledgerActivation!).toBeLessThan(-0.6);
      expect(Math.abs(l.ledgerWeights!)).toBeLessThan(0.1);
    }
    expect(initialLossCheck(probe.loss, 10).verdict).toBe('expected');
  });
});
