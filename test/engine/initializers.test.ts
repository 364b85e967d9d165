// The fan-in-scaled initializers: the "standard" U[±1/√n] of the pre-2010 papers and LeCun uniform draw inside
// their bounds with the variance their definitions give, per layer of a real model (n = that layer's fan-in),
// and every step engine starts from exactly those weights (same first steps as the gradient-tape reference).
import { describe, expect, it } from 'vitest';
import type { Initializer } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { buildMlp } from '../../electron/engine/model/mlp';
import { expectEngineStartsAsTape } from './helpers';

const CASES: { init: Initializer; limit: (n: number) => number }[] = [
  { init: { kind: 'standardUniform' }, limit: (n) => 1 / Math.sqrt(n) },
  { init: { kind: 'lecunUniform' }, limit: (n) => Math.sqrt(3 / n) },
];

describe.each(CASES)('$init.kind', ({ init, limit }) => {
  it('draws each layer inside ±limit(fan-in), filling it, with variance limit²/3 and mean 0', async () => {
    await selectBackend('cpu');
    const mlp = buildMlp({ depth: 2, width: 1000, activation: 'sigmoid', initializer: init, batchNorm: false, residual: false }, 784, 10, 5);
    for (const layer of mlp.layers) {
      const n = layer.info.fanIn;
      const w = layer.kernel.dataSync();
      const a = limit(n);
      let max = 0;
      let sum = 0;
      let sq = 0;
      for (const x of w) {
        max = Math.max(max, Math.abs(x));
        sum += x;
        sq += x * x;
      }
      const mean = sum / w.length;
      const variance = sq / w.length - mean * mean;
      expect(max, `${layer.info.name} (n = ${n})`).toBeLessThanOrEqual(a);
      expect(max).toBeGreaterThan(0.99 * a);
      expect(Math.abs(mean)).toBeLessThan(0.05 * a);
      expect(variance / ((a * a) / 3)).toBeGreaterThan(0.95);
      expect(variance / ((a * a) / 3)).toBeLessThan(1.05);
    }
    mlp.dispose();
  });

  it.each(['kernels', 'tfjs-ops'] as const)('the %s engine starts from the same weights as the tape step', (engine) =>
    expectEngineStartsAsTape(engine, 'sigmoid', init),
  );
});
