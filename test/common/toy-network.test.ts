// The Learn view's numbers must be right: every chain-rule gradient of the toy network is checked against a
// central finite difference of the error itself, for each activation, and the theory (σ' ≤ 0.25, 0.25^N)
// is checked against the deep chain the view draws.
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  SIGMOID_DERIVATIVE_MAX,
  activate,
  activationDerivative,
  derivativeMax,
  sigmoidChainBound,
  type Activation,
} from '../../electron/common/toy-network-activations';
import {
  DEFAULT_SETUP,
  ToySetupSchema,
  backprop,
  errorOf,
  forward,
  randomParams,
  trainStep,
  type ToyParams,
  type ToySetup,
} from '../../electron/common/toy-network';
import { deepChain, deepChainError, uniformChain, type DeepChainSetup } from '../../electron/common/toy-network-deep';

const H = 1e-5;

function relErr(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function withParam(setup: ToySetup, edit: (p: ToyParams) => void): ToySetup {
  const params = structuredClone(setup.params);
  edit(params);
  return { ...setup, params };
}

/** Central difference of E with respect to one parameter, found by a setter. */
function numeric(setup: ToySetup, set: (p: ToyParams, delta: number) => void): number {
  const plus = errorOf(withParam(setup, (p) => set(p, +H)));
  const minus = errorOf(withParam(setup, (p) => set(p, -H)));
  return (plus - minus) / (2 * H);
}

// Pre-activations of both hidden units stay well away from ReLU's kink at 0 with these weights.
const setups: Record<Activation, ToySetup> = {
  sigmoid: { ...DEFAULT_SETUP, activation: 'sigmoid' },
  tanh: { ...DEFAULT_SETUP, activation: 'tanh', target: 0 },
  relu: {
    ...DEFAULT_SETUP,
    activation: 'relu',
    params: { w: [[0.6, 0.4], [-0.3, 0.7], [0.4, 0.2]], v: [0.8, -0.5], b: [0.1, 0.1], c: -0.2 },
  },
};

describe('toy network gradients', () => {
  for (const act of ACTIVATIONS) {
    it(`match finite differences for every parameter (${act})`, () => {
      const setup = setups[act];
      const bp = backprop(setup);
      if (act === 'relu') for (const a of bp.forward.a) expect(Math.abs(a)).toBeGreaterThan(0.1);
      const checks: [string, number, number][] = [];
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 2; j++) checks.push([bp.w[i][j].param, bp.w[i][j].value, numeric(setup, (p, d) => (p.w[i][j] += d))]);
      for (let j = 0; j < 2; j++) {
        checks.push([bp.v[j].param, bp.v[j].value, numeric(setup, (p, d) => (p.v[j] += d))]);
        checks.push([bp.b[j].param, bp.b[j].value, numeric(setup, (p, d) => (p.b[j] += d))]);
      }
      checks.push(['c', bp.c.value, numeric(setup, (p, d) => (p.c += d))]);
      expect(checks.map(([name]) => name).sort()).toEqual(['b1', 'b2', 'c', 'v1', 'v2', 'w11', 'w12', 'w21', 'w22', 'w31', 'w32']);
      for (const [name, analytic, fd] of checks) {
        expect(Math.abs(analytic), name).toBeGreaterThan(1e-6);
        expect(relErr(analytic, fd), name).toBeLessThan(1e-6);
      }
    });
  }

  it('gives zero gradient to the weights of a ReLU unit that is off, as the error does not move', () => {
    const setup: ToySetup = withParam(setups.relu, (p) => (p.b[1] = -3));
    const bp = backprop(setup);
    expect(bp.forward.a[1]).toBeLessThan(0);
    expect(bp.w[0][1].value).toBe(0);
    expect(numeric(setup, (p, d) => (p.w[0][1] += d))).toBe(0);
  });

  it('writes each gradient as a product of its factors, split at the unit as the tutorial does', () => {
    const bp = backprop(DEFAULT_SETUP);
    const w11 = bp.w[0][0];
    expect(w11.factors.map((f) => `∂${f.of}/∂${f.wrt}`)).toEqual(['∂E/∂y', '∂y/∂z', '∂z/∂h1', '∂h1/∂a1', '∂a1/∂w11']);
    const fw = forward(DEFAULT_SETUP.inputs, DEFAULT_SETUP.params, 'sigmoid');
    expect(w11.factors.map((f) => f.value)).toEqual([
      fw.y - DEFAULT_SETUP.target,
      fw.y * (1 - fw.y),
      DEFAULT_SETUP.params.v[0],
      fw.h[0] * (1 - fw.h[0]),
      DEFAULT_SETUP.inputs[0],
    ]);
    expect(w11.split.map((f) => `∂${f.of}/∂${f.wrt}`)).toEqual(['∂E/∂h1', '∂h1/∂w11']);
    expect(w11.split[0].value * w11.split[1].value).toBeCloseTo(w11.value, 15);
    expect(bp.v[0].split.map((f) => `∂${f.of}/∂${f.wrt}`)).toEqual(['∂E/∂y', '∂y/∂v1']);
    expect(bp.v[0].value).toBeCloseTo((fw.y - 1) * fw.y * (1 - fw.y) * fw.h[0], 15);
  });
});

describe('one update step', () => {
  for (const act of ACTIVATIONS) {
    it(`lowers the error for a small learning rate (${act})`, () => {
      const step = trainStep({ ...setups[act], eta: 0.05 });
      expect(step.after.error).toBeLessThan(step.before.error);
      expect(step.params.v[0]).toBeCloseTo(setups[act].params.v[0] - 0.05 * step.before.v[0].value, 15);
      expect(step.params.w[0][0]).toBeCloseTo(setups[act].params.w[0][0] - 0.05 * step.before.w[0][0].value, 15);
    });
  }

  it('keeps lowering the error over many steps of the default setup', () => {
    let setup = DEFAULT_SETUP;
    const errors = [errorOf(setup)];
    for (let k = 0; k < 20; k++) {
      setup = { ...setup, params: trainStep(setup).params };
      errors.push(errorOf(setup));
    }
    for (let k = 1; k < errors.length; k++) expect(errors[k]).toBeLessThan(errors[k - 1]);
  });
});

describe('setup validation and initialisation', () => {
  it('accepts the default setup and rejects a missing number or a negative learning rate', () => {
    expect(ToySetupSchema.safeParse(DEFAULT_SETUP).success).toBe(true);
    expect(ToySetupSchema.safeParse({ ...DEFAULT_SETUP, eta: -0.1 }).success).toBe(false);
    expect(ToySetupSchema.safeParse({ ...DEFAULT_SETUP, inputs: [0.8, Number.NaN, 0.5] }).success).toBe(false);
  });

  it('draws the same random weights for the same seed and different ones for another', () => {
    expect(randomParams(7)).toEqual(randomParams(7));
    expect(randomParams(7)).not.toEqual(randomParams(8));
    for (const x of randomParams(7).w.flat()) expect(Math.abs(x)).toBeLessThanOrEqual(1);
  });
});

describe('theory', () => {
  it('derivatives match finite differences and the sigmoid derivative peaks at 0.25 at x = 0', () => {
    for (const act of ACTIVATIONS)
      for (const x of [-3, -0.7, 0.4, 2.5]) {
        const fd = (activate(act, x + H) - activate(act, x - H)) / (2 * H);
        expect(relErr(activationDerivative(act, x), fd), `${act} at ${x}`).toBeLessThan(1e-6);
      }
    expect(activationDerivative('sigmoid', 0)).toBe(SIGMOID_DERIVATIVE_MAX);
    for (let x = -8; x <= 8; x += 0.01) expect(activationDerivative('sigmoid', x)).toBeLessThanOrEqual(0.25);
    expect(derivativeMax('sigmoid')).toBe(0.25);
    expect(derivativeMax('relu')).toBe(1);
    expect(sigmoidChainBound(3)).toBeCloseTo(0.015625, 15);
  });
});

describe('make it deeper', () => {
  it('shrinks the product of sigmoid derivatives by at least 4× per layer, under 0.25^N', () => {
    const chain = deepChain(uniformChain(12, { input: 0.8, target: 1, activation: 'sigmoid', weight: 1, bias: 0 }));
    expect(chain.layers.map((l) => l.layer)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    let prev = 1;
    for (const l of chain.layers) {
      expect(l.localProduct / prev).toBeLessThanOrEqual(0.25);
      expect(l.localProduct).toBeLessThanOrEqual(l.bound);
      expect(l.bound).toBeCloseTo(0.25 ** l.passed, 20);
      prev = l.localProduct;
    }
    // The gradient reaching the first layer's weight is far smaller than the last layer's.
    expect(Math.abs(chain.layers[11].weightGradient)).toBeLessThan(Math.abs(chain.layers[0].weightGradient) * 1e-4);
  });

  it('does not shrink through ReLU layers that are on', () => {
    const chain = deepChain(uniformChain(12, { input: 0.8, target: 1, activation: 'relu', weight: 1, bias: 0 }));
    for (const l of chain.layers) expect(l.localProduct).toBe(1);
    expect(chain.layers[11].localProduct).toBeGreaterThan(chain.layers[11].bound * 1e6);
  });

  for (const act of ACTIVATIONS) {
    it(`gives each layer's weight the gradient a finite difference finds (${act})`, () => {
      const setup: DeepChainSetup = {
        input: 0.7,
        target: 1,
        activation: act,
        weights: [0.9, 1.3, 0.8, 1.1, 1.2],
        biases: [0.1, 0.2, 0.1, 0.3, 0.1],
        outputWeight: 1.4,
        outputBias: -0.3,
      };
      const chain = deepChain(setup);
      for (const l of chain.layers) {
        const at = (d: number): number => {
          const weights = [...setup.weights];
          weights[l.layer - 1] += d;
          return deepChainError({ ...setup, weights });
        };
        const fd = (at(H) - at(-H)) / (2 * H);
        expect(relErr(l.weightGradient, fd), `layer ${l.layer}`).toBeLessThan(1e-6);
      }
    });
  }
});
