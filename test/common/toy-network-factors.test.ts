// The deeper chain's factors |w·f′| with the weights included: under 1 the product vanishes, above 1 it
// explodes, and (|w|·max f′)ⁿ bounds it either way (0.25ⁿ for sigmoid at |w| = 1).
import { describe, expect, it } from 'vitest';
import { deepChain, uniformChain } from '../../electron/common/toy-network-deep';
import { factorBoundPerLayer, factorChain } from '../../electron/common/toy-network-factors';

describe('the deeper chain grows as clearly as it shrinks', () => {
  it('multiplies |w·f′| per layer: under 1 it vanishes, above 1 it explodes, always under (|w|·max f′)ⁿ', () => {
    const small = uniformChain(12, { input: 0.8, target: 1, activation: 'sigmoid', weight: 1, bias: 0 });
    const shrink = factorChain(small, deepChain(small));
    // With |w| = 1 the bound is the sigmoid bound 0.25ⁿ exactly.
    shrink.forEach((l) => expect(l.bound).toBeCloseTo(0.25 ** l.passed, 20));
    expect(shrink[11]!.product).toBeLessThan(1e-7);

    const big = uniformChain(12, { input: 0.8, target: 1, activation: 'relu', weight: 1.5, bias: 0 });
    const grow = factorChain(big, deepChain(big));
    // ReLU units that are on pass w·1 = 1.5 per layer: 1.5ⁿ, the bound itself.
    grow.forEach((l) => {
      expect(l.factor).toBe(1.5);
      expect(l.product).toBeCloseTo(1.5 ** l.passed, 9);
      expect(l.product).toBeLessThanOrEqual(l.bound * (1 + 1e-12));
    });
    expect(grow[11]!.product).toBeGreaterThan(100);
    expect(factorBoundPerLayer('relu', 1.5)).toBe(1.5);
    expect(factorBoundPerLayer('sigmoid', 8)).toBe(2);

    // A sigmoid chain with a large weight: the factor bound (2ⁿ) is above 1, yet saturation keeps the product small.
    const sat = uniformChain(8, { input: 0.8, target: 1, activation: 'sigmoid', weight: 8, bias: 0 });
    factorChain(sat, deepChain(sat)).forEach((l) => expect(l.product).toBeLessThanOrEqual(l.bound));
  });

  it('the factor product is |∂h_N/∂h| through the weights: it matches a finite difference', () => {
    const setup = uniformChain(6, { input: 0.3, target: 1, activation: 'tanh', weight: 2.5, bias: 0.1 });
    const factors = factorChain(setup, deepChain(setup));
    // Perturb the input (the "hidden output" below layer 1) and watch h_N move: |Δh_N / Δinput| = product of all 6.
    const hN = (input: number) => {
      let h = input;
      for (let k = 0; k < 6; k++) h = Math.tanh(setup.weights[k]! * h + setup.biases[k]!);
      return h;
    };
    const eps = 1e-6;
    const numeric = Math.abs((hN(0.3 + eps) - hN(0.3 - eps)) / (2 * eps));
    expect(factors[5]!.product).toBeCloseTo(numeric, 5);
  });
});
