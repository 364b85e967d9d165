// "Make it deeper": the toy network's path from one input to the output stretched into a chain of N hidden
// units, one per layer. Back-propagation multiplies in one local derivative per layer it passes, so the
// gradient that reaches the early layers is a product of N factors; with sigmoid each is at most 0.25 and
// the product at most 0.25^N. The chain shows that product layer by layer next to the bound.
import { activate, activationDerivative, sigmoid, sigmoidChainBound, sigmoidDerivative, type Activation } from './toy-network-activations';
import { squaredError } from './toy-network';

export const MAX_DEPTH = 30;

export interface DeepChainSetup {
  input: number;
  target: number;
  activation: Activation;
  /** weights[k] and biases[k] feed hidden layer k+1 (weights[0] multiplies the input). */
  weights: number[];
  biases: number[];
  /** The output unit is a sigmoid, as in the toy network. */
  outputWeight: number;
  outputBias: number;
}

/** A chain whose layers all start with the same weight and bias, as the Learn view builds it. */
export function uniformChain(
  depth: number,
  options: { input: number; target: number; activation: Activation; weight: number; bias: number },
): DeepChainSetup {
  const { input, target, activation, weight, bias } = options;
  return {
    input,
    target,
    activation,
    weights: Array.from({ length: depth }, () => weight),
    biases: Array.from({ length: depth }, () => bias),
    outputWeight: weight,
    outputBias: bias,
  };
}

export interface DeepLayer {
  /** 1 is next to the input, N next to the output. */
  layer: number;
  a: number;
  h: number;
  /** act'(a): the factor this layer multiplies into the gradient passing through it. */
  localDerivative: number;
  /** How many hidden layers the gradient has passed on its way back to here (N − layer + 1). */
  passed: number;
  /** Product of the local derivatives of all layers passed so far. */
  localProduct: number;
  /** The same product with the weights included: ∂h_N/∂a_layer = act'(a_layer) · Π (w·act') above it. */
  signalProduct: number;
  /** 0.25^passed: the most that `localProduct` could be if every layer were a sigmoid at its steepest. */
  bound: number;
  /** ∂E/∂w of this layer's incoming weight. */
  weightGradient: number;
}

export interface DeepChain {
  /** Ordered from the output back to the input, the way back-propagation visits them. */
  layers: DeepLayer[];
  y: number;
  error: number;
}

function runForward(setup: DeepChainSetup): { a: number[]; h: number[]; z: number; y: number } {
  const a: number[] = [];
  const h: number[] = [];
  let prev = setup.input;
  for (let k = 0; k < setup.weights.length; k++) {
    const ak = setup.weights[k] * prev + setup.biases[k];
    a.push(ak);
    prev = activate(setup.activation, ak);
    h.push(prev);
  }
  const z = setup.outputWeight * prev + setup.outputBias;
  return { a, h, z, y: sigmoid(z) };
}

export function deepChainError(setup: DeepChainSetup): number {
  return squaredError(runForward(setup).y, setup.target);
}

export function deepChain(setup: DeepChainSetup): DeepChain {
  const { a, h, z, y } = runForward(setup);
  const n = setup.weights.length;
  const dEdz = (y - setup.target) * sigmoidDerivative(z);
  let dEdh = dEdz * setup.outputWeight;
  let localProduct = 1;
  let signalProduct = 1;
  const layers: DeepLayer[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const local = activationDerivative(setup.activation, a[k]);
    localProduct *= local;
    signalProduct *= local;
    const dEda = dEdh * local;
    const below = k === 0 ? setup.input : h[k - 1];
    const passed = n - k;
    layers.push({
      layer: k + 1,
      a: a[k],
      h: h[k],
      localDerivative: local,
      passed,
      localProduct,
      signalProduct,
      bound: sigmoidChainBound(passed),
      weightGradient: dEda * below,
    });
    dEdh = dEda * setup.weights[k];
    signalProduct *= setup.weights[k];
  }
  return { layers, y, error: squaredError(y, setup.target) };
}
