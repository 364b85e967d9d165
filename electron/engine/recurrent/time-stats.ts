// The statistics of a recurrent step: ‖∂E/∂h_t‖ for every time step and the gates' saturation (records.ts
// TimeStats), and the two layers' LayerStats (the recurrent layer, whose kernel is [Wx; Wh], and the read-out)
// by statistics.ts's one definition, so the lab's per-layer charts show a recurrent run too.
import type { GateSaturation, LayerStats, TimeStats } from '../../common/records';
import { activationStatsOf, layerStatsOf, SATURATION, type ParamSums } from '../train/statistics';
import { GATE_NAMES, TANH_GATES } from './cells';
import type { RecurrentNet } from './network';

export function timeStatsOf(net: RecurrentNet): TimeStats {
  return { norms: Array.from(net.hGradSq, Math.sqrt), gates: gateSaturation(net) };
}

function gateSaturation(net: RecurrentNet): GateSaturation[] {
  const { cell, steps: T, hidden: H, batch: B } = net.shape;
  const names = GATE_NAMES[cell];
  if (cell === 'rnn') {
    const band = SATURATION.tanh!;
    let sat = 0;
    for (let t = 0; t < T; t++) for (const v of net.hiddenOf(t)) if (v < band.low || v > band.high) sat++;
    return [{ gate: 'h', saturatedFrac: sat / (T * net.n * H) }];
  }
  const { a, rows, rowStride } = net.gateValues();
  return names.map((gate, gi) => {
    const band = TANH_GATES.has(gate) ? SATURATION.tanh! : SATURATION.sigmoid!;
    let sat = 0;
    for (let t = 0; t < T; t++) {
      for (let row = 0; row < rows; row++) {
        const o = (t * B + row) * rowStride + gi * H;
        for (let u = 0; u < H; u++) {
          const v = a[o + u]!;
          if (v < band.low || v > band.high) sat++;
        }
      }
    }
    return { gate, saturatedFrac: sat / (T * rows * H) };
  });
}

const addSums = (x: ParamSums, y: ParamSums): ParamSums => ({
  sumSq: x.sumSq + y.sumSq,
  sumAbs: x.sumAbs + y.sumAbs,
  maxAbs: Math.max(x.maxAbs, y.maxAbs),
  zeros: x.zeros + y.zeros,
  weightSq: x.weightSq + y.weightSq,
  updateSq: x.updateSq + y.updateSq,
});

/**
 * LayerStats of the recurrent layer and the read-out from the optimizer's sums (PARAM_NAMES order: wx, wh, b,
 * bhn, wo, bo) with the gradients as computed, before any clipping, and the hidden states over every step.
 */
export function recurrentLayerStats(net: RecurrentNet, sums: ParamSums[], deltaSq: { recurrent: number; readOut: number }): LayerStats[] {
  const { cell, steps: T, hidden: H, inputs: I, outputs: O } = net.shape;
  const [wx, wh, b, bhn, wo, bo] = sums as [ParamSums, ParamSums, ParamSums, ParamSums, ParamSums, ParamSums];
  const hs = new Float32Array(T * net.n * H);
  for (let t = 0; t < T; t++) hs.set(net.hiddenOf(t), t * net.n * H);
  const act = activationStatsOf(cell === 'irnn' ? 'relu' : cell === 'rnn' ? 'tanh' : 'linear', hs, H);
  const recurrent = layerStatsOf(0, {
    kernelSize: (I + H) * net.gh,
    kernel: addSums(wx, wh),
    biasGradSq: b.sumSq + bhn.sumSq,
    act,
    deltaSq: deltaSq.recurrent,
  });
  const logits = net.m.logits.a.subarray(0, net.n * O);
  const readOut = layerStatsOf(1, { kernelSize: H * O, kernel: wo, biasGradSq: bo.sumSq, act: activationStatsOf('linear', logits, O), deltaSq: deltaSq.readOut });
  return [recurrent, readOut];
}
