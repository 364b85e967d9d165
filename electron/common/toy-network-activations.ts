// Activation functions of the Learn view and the theory behind vanishing gradients: each function with its
// derivative, the largest value that derivative can take, and the 0.25^N bound that N sigmoid layers put on
// a back-propagated gradient. Pure math, shared by the toy network, its tests and the renderer's plots.
import { assertNever } from './result';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** σ'(x) = σ(x)(1 − σ(x)) peaks at x = 0 with σ(0) = ½, so ½ · ½. */
export const SIGMOID_DERIVATIVE_MAX = 0.25;

export function sigmoid(x: number): number {
  // Split by sign so that exp never overflows for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

export function tanh(x: number): number {
  return Math.tanh(x);
}

export function tanhDerivative(x: number): number {
  const th = Math.tanh(x);
  return 1 - th * th;
}

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU has no derivative at 0; like most libraries we take 0 there (the unit counts as off). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

export function activate(kind: Activation, x: number): number {
  switch (kind) {
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'relu':
      return relu(x);
    default:
      return assertNever(kind);
  }
}

export function activationDerivative(kind: Activation, x: number): number {
  switch (kind) {
    case 'sigmoid':
      return sigmoidDerivative(x);
    case 'tanh':
      return tanhDerivative(x);
    case 'relu':
      return reluDerivative(x);
    default:
      return assertNever(kind);
  }
}

/** The largest value the derivative reaches anywhere: what one layer can at best pass back unshrunk. */
export function derivativeMax(kind: Activation): number {
  switch (kind) {
    case 'sigmoid':
      return SIGMOID_DERIVATIVE_MAX;
    case 'tanh':
      return 1;
    case 'relu':
      return 1;
    default:
      return assertNever(kind);
  }
}

/** Upper bound of the product of N sigmoid derivatives: 0.25^N. */
export function sigmoidChainBound(layers: number): number {
  return SIGMOID_DERIVATIVE_MAX ** layers;
}
