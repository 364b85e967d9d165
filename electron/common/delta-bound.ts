// The bound the sigmoid puts on the back-propagated signal, stated exactly. Going back one layer,
// δ_l = σ'(z_l) ⊙ (δ_{l+1} W_{l+1}ᵀ), and σ' ≤ 1/4, so ‖δ_l‖ ≤ ¼ · ‖W_{l+1}‖₂ · ‖δ_{l+1}‖ ≤ ¼ · ‖W_{l+1}‖_F · ‖δ_{l+1}‖.
// Over k layers the σ' factors alone multiply to at most 0.25^k; with the weights,
// ‖δ_l‖ ≤ ‖δ_out‖ · Π_{j>l} (¼ · ‖W_j‖_F). This holds for sigmoid hidden layers without batch normalization or
// residual skips (those change the path back); it says nothing about ‖∂E/∂W‖ = ‖a_{l-1}ᵀ δ_l‖, which also grows
// with the previous layer's activations — so it is drawn only for ‖δ‖.
import type { LayerInfo, LayerStats } from './records';

/** Whether the bound applies to a network: sigmoid hidden layers, no batch normalization, no residual skips. */
export function deltaBoundApplies(model: { activation: string; batchNorm: boolean; residual: boolean }): boolean {
  return model.activation === 'sigmoid' && !model.batchNorm && !model.residual;
}

/**
 * Per layer (input side first), the bound on ‖δ‖ from the output layer's ‖δ‖ and the weight norms of the layers
 * above; undefined where a statistic is missing. The output layer's own entry is its measured value.
 */
export function deltaBounds(layers: readonly LayerInfo[], stats: readonly (LayerStats | undefined)[]): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(layers.length).fill(undefined);
  const last = layers.length - 1;
  let bound = stats[last]?.deltaNorm;
  out[last] = bound;
  for (let i = last - 1; i >= 0; i--) {
    const w = stats[i + 1]?.weightNorm;
    bound = bound === undefined || w === undefined ? undefined : bound * 0.25 * w;
    out[i] = bound;
  }
  return out;
}
