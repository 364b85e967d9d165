// Growth as well as shrinkage on the deeper chain: on its way back through hidden layer j the gradient is
// multiplied by the full factor w_j·f′(a_j) (the weight into the layer times its local derivative), so after n
// layers by the product of n such factors. Each factor is at most |w_j|·max f′, so the product is at most
// Π|w_j|·(max f′)ⁿ — (|w|·max f′)ⁿ for the chain's one shared weight — whichever side of 1 that lies: below 1 the
// gradient vanishes (0.25ⁿ for sigmoid with |w| = 1), above 1 it explodes.
import { derivativeMax } from './toy-network-activations';
import type { DeepChain, DeepChainSetup } from './toy-network-deep';

export interface FactorLayer {
  /** 1 is next to the input, N next to the output (as DeepLayer.layer). */
  layer: number;
  /** Layers passed on the way back, counting this one. */
  passed: number;
  /** |w·f′(a)| of this layer. */
  factor: number;
  /** Product of the factors of every layer passed: how much the gradient has been multiplied by, weights included. */
  product: number;
  /** Π|w_j|·(max f′)ⁿ over the layers passed: the most `product` could be. */
  bound: number;
}

/** The chain's factors, output side first (the order of `chain.layers`). */
export function factorChain(setup: DeepChainSetup, chain: DeepChain): FactorLayer[] {
  const max = derivativeMax(setup.activation);
  let product = 1;
  let bound = 1;
  return chain.layers.map((l) => {
    const w = Math.abs(setup.weights[l.layer - 1]!);
    const factor = w * Math.abs(l.localDerivative);
    product *= factor;
    bound *= w * max;
    return { layer: l.layer, passed: l.passed, factor, product, bound };
  });
}

/** The per-layer factor bound |w|·max f′ of a chain whose layers share the weight w: above 1 it can explode. */
export function factorBoundPerLayer(activation: DeepChainSetup['activation'], weight: number): number {
  return Math.abs(weight) * derivativeMax(activation);
}
