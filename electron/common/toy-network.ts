// The toy mortgage network of the Learn view, computed exactly: three inputs (income, loan amount, years
// employed) → two hidden units (h1 "Acceptability", h2 "Repayment burden") → one output y, the probability
// that the customer signs the contract. Forward pass, squared error, every gradient by the chain rule as a
// list of factors with their values, and one gradient-descent step.
//
// The hidden units use the chosen activation; the output unit is always a sigmoid, because y is read as a
// probability in [0, 1] (as in the tutorial's model) and a ReLU or tanh output could not be.
import { z } from 'zod';
import { ACTIVATIONS, activate, activationDerivative, sigmoid, sigmoidDerivative, type Activation } from './toy-network-activations';

export const INPUT_COUNT = 3;
export const HIDDEN_COUNT = 2;

/** w[i][j] joins input x(i+1) to hidden unit h(j+1), so w[0][0] is the tutorial's w11. */
export interface ToyParams {
  w: number[][];
  v: number[];
  b: number[];
  c: number;
}

export interface ToySetup {
  inputs: number[];
  target: number;
  params: ToyParams;
  eta: number;
  activation: Activation;
}

const finite = z.number().finite();
export const ToyParamsSchema = z.object({
  w: z.array(z.array(finite).length(HIDDEN_COUNT)).length(INPUT_COUNT),
  v: z.array(finite).length(HIDDEN_COUNT),
  b: z.array(finite).length(HIDDEN_COUNT),
  c: finite,
});
export const ToySetupSchema = z.object({
  inputs: z.array(finite).length(INPUT_COUNT),
  target: finite.min(0).max(1),
  params: ToyParamsSchema,
  eta: finite.gt(0).max(10),
  activation: z.enum(ACTIVATIONS),
});

/**
 * Inputs are scaled to about 0…1. Income and years employed raise Acceptability, the loan amount lowers it
 * and raises the repayment burden; Acceptability pushes towards signing, the burden away from it.
 */
export const DEFAULT_SETUP: ToySetup = {
  inputs: [0.8, 0.6, 0.5],
  target: 1,
  params: {
    w: [
      [0.6, -0.4],
      [-0.3, 0.7],
      [0.4, -0.2],
    ],
    v: [0.8, -0.5],
    b: [0.1, 0.1],
    c: -0.2,
  },
  eta: 0.5,
  activation: 'sigmoid',
};

export interface ForwardPass {
  /** Pre-activations of the hidden units: a_j = Σ_i w_ij·x_i + b_j. */
  a: number[];
  h: number[];
  /** Pre-activation of the output: z = Σ_j v_j·h_j + c. */
  z: number;
  y: number;
}

export function forward(inputs: readonly number[], params: ToyParams, activation: Activation): ForwardPass {
  const a: number[] = [];
  for (let j = 0; j < HIDDEN_COUNT; j++) {
    let sum = params.b[j];
    for (let i = 0; i < INPUT_COUNT; i++) sum += params.w[i][j] * inputs[i];
    a.push(sum);
  }
  const h = a.map((aj) => activate(activation, aj));
  let z = params.c;
  for (let j = 0; j < HIDDEN_COUNT; j++) z += params.v[j] * h[j];
  return { a, h, z, y: sigmoid(z) };
}

/** E = ½(y − t)²: the ½ cancels the 2 of the derivative, leaving ∂E/∂y = y − t. */
export function squaredError(y: number, target: number): number {
  return 0.5 * (y - target) ** 2;
}

/** The error of a whole setup: what the finite-difference checks differentiate. */
export function errorOf(setup: ToySetup): number {
  return squaredError(forward(setup.inputs, setup.params, setup.activation).y, setup.target);
}

/** One factor of a chain-rule product, ∂of/∂wrt, named by symbols such as 'E', 'y', 'z', 'h1', 'a1', 'w11'. */
export interface Factor {
  of: string;
  wrt: string;
  value: number;
}

export interface Gradient {
  /** 'w11', 'v1', 'b1', 'c', … */
  param: string;
  /** ∂E/∂param: the product of `factors`. */
  value: number;
  /** Every local derivative on the path from E down to the parameter. */
  factors: Factor[];
  /**
   * The same product split at the unit the parameter feeds, as the tutorial writes it:
   * ∂E/∂(unit) · ∂(unit)/∂param, e.g. ∂E/∂h1 · ∂h1/∂w11.
   */
  split: [Factor, Factor];
}

export interface Backprop {
  forward: ForwardPass;
  error: number;
  /** w[i][j] is ∂E/∂w_(i+1)(j+1). */
  w: Gradient[][];
  v: Gradient[];
  b: Gradient[];
  c: Gradient;
}

function product(factors: readonly Factor[]): number {
  return factors.reduce((p, f) => p * f.value, 1);
}

function gradient(param: string, factors: Factor[], splitAt: number, unit: string): Gradient {
  const head = factors.slice(0, splitAt);
  const tail = factors.slice(splitAt);
  return {
    param,
    value: product(factors),
    factors,
    split: [
      { of: 'E', wrt: unit, value: product(head) },
      { of: unit, wrt: param, value: product(tail) },
    ],
  };
}

/** Every gradient of E by the chain rule, all taken at the parameters of the forward pass. */
export function backprop(setup: ToySetup): Backprop {
  const { inputs, params, activation, target } = setup;
  const fw = forward(inputs, params, activation);
  const dEdy: Factor = { of: 'E', wrt: 'y', value: fw.y - target };
  const dydz: Factor = { of: 'y', wrt: 'z', value: sigmoidDerivative(fw.z) };

  const v = fw.h.map((hj, j) => gradient(`v${j + 1}`, [dEdy, dydz, { of: 'z', wrt: `v${j + 1}`, value: hj }], 1, 'y'));
  const c = gradient('c', [dEdy, dydz, { of: 'z', wrt: 'c', value: 1 }], 1, 'y');

  // The path from E down to hidden unit j, shared by its incoming weights and its bias.
  const toHidden = (j: number): Factor[] => [
    dEdy,
    dydz,
    { of: 'z', wrt: `h${j + 1}`, value: params.v[j] },
    { of: `h${j + 1}`, wrt: `a${j + 1}`, value: activationDerivative(activation, fw.a[j]) },
  ];
  const w = inputs.map((xi, i) =>
    fw.a.map((_, j) => gradient(`w${i + 1}${j + 1}`, [...toHidden(j), { of: `a${j + 1}`, wrt: `w${i + 1}${j + 1}`, value: xi }], 3, `h${j + 1}`)),
  );
  const b = fw.a.map((_, j) => gradient(`b${j + 1}`, [...toHidden(j), { of: `a${j + 1}`, wrt: `b${j + 1}`, value: 1 }], 3, `h${j + 1}`));

  return { forward: fw, error: squaredError(fw.y, target), w, v, b, c };
}

/** One gradient-descent step: every parameter p ← p − η·∂E/∂p, all from the same back-propagation. */
export function updateParams(params: ToyParams, grads: Backprop, eta: number): ToyParams {
  return {
    w: params.w.map((row, i) => row.map((wij, j) => wij - eta * grads.w[i][j].value)),
    v: params.v.map((vj, j) => vj - eta * grads.v[j].value),
    b: params.b.map((bj, j) => bj - eta * grads.b[j].value),
    c: params.c - eta * grads.c.value,
  };
}

export interface TrainStep {
  before: Backprop;
  params: ToyParams;
  after: { forward: ForwardPass; error: number };
}

/** Back-propagate, update, and run the forward pass again so the change of E can be seen. */
export function trainStep(setup: ToySetup): TrainStep {
  const before = backprop(setup);
  const params = updateParams(setup.params, before, setup.eta);
  const fw = forward(setup.inputs, params, setup.activation);
  return { before, params, after: { forward: fw, error: squaredError(fw.y, setup.target) } };
}

/**
 * Small random initial weights from a seed (mulberry32), so "initialise" can be repeated exactly. Uniform in
 * [−1, 1), rounded to hundredths so they read cleanly in the input boxes; the toy network is too small for the
 * choice of scheme to matter. Biases start at 0.
 */
export function randomParams(seed: number): ToyParams {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = s;
    r = Math.imul(r ^ (r >>> 15), r | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const u = (): number => Math.round((next() * 2 - 1) * 100) / 100;
  return {
    w: Array.from({ length: INPUT_COUNT }, () => Array.from({ length: HIDDEN_COUNT }, u)),
    v: Array.from({ length: HIDDEN_COUNT }, u),
    b: Array.from({ length: HIDDEN_COUNT }, () => 0),
    c: 0,
  };
}
