// Backpropagation through time against numbers: for a tiny RNN, IRNN, LSTM and GRU, every parameter gradient of
// the recurrent engine matches central differences of the loss, and ‖∂E/∂h_t‖ of the last step matches the
// read-out's own gradient. At initialization over 28 steps the tanh RNN's signal at the first step is orders of
// magnitude below an LSTM's with forget-gate bias 1.
import { describe, expect, it } from 'vitest';
import type { RecurrentCell } from '../../electron/common/recurrent-limits';
import { mulberry32 } from '../../electron/engine/random';
import { RecurrentNet } from '../../electron/engine/recurrent/network';
import { readOut } from '../../electron/engine/recurrent/read-out';

const T = 5;
const I = 3;
const H = 4;
const B = 3;

function tiny(cell: RecurrentCell, task: 'classify' | 'regress', n = B) {
  const O = task === 'classify' ? 3 : 1;
  const net = new RecurrentNet({ cell, steps: T, inputs: I, hidden: H, outputs: O, batch: B, forgetBias: 1 }, 11);
  const rng = mulberry32(5);
  // IRNN starts at the identity with zero bias; nudge it so the check also covers the ReLU kink away from 0.
  const x = Float32Array.from({ length: B * T * I }, () => rng() * 2 - 1);
  const y = task === 'classify' ? Float32Array.from([0, 2, 1]) : Float32Array.from([0.5, -0.3, 1.2]);
  const rows = [0, 1, 2].slice(0, n);
  const loss = () => {
    net.load(x, rows);
    return readOut(task, net.forward(), O, y, rows).lossSum / n;
  };
  const grad = () => {
    net.load(x, rows);
    readOut(task, net.forward(), O, y, rows, net.m.dLogits.a);
    net.backward();
  };
  return { net, loss, grad };
}

describe('recurrent engine gradients', () => {
  // The last number is the rows of the batch: a last batch smaller than the network's takes other paths.
  const cases: [RecurrentCell, 'classify' | 'regress', number][] = [
    ['rnn', 'classify', 3],
    ['irnn', 'regress', 3],
    ['lstm', 'classify', 3],
    ['lstm', 'regress', 2],
    ['gru', 'regress', 3],
    ['gru', 'classify', 2],
  ];
  it.each(cases)('%s (%s, %i rows): every analytic gradient matches central differences', (cell, task, n) => {
    const { net, loss, grad } = tiny(cell, task, n);
    grad();
    const analytic = net.paramList().map((p) => Float64Array.from(p.g));
    // Small enough that no ReLU pre-activation of the IRNN crosses its kink, large enough for float32.
    const eps = 1e-3;
    let worst = 0;
    let checked = 0;
    net.paramList().forEach((p, pi) => {
      for (let i = 0; i < p.w.length; i++) {
        const w0 = p.w[i]!;
        p.w[i] = w0 + eps;
        const up = loss();
        p.w[i] = w0 - eps;
        const down = loss();
        p.w[i] = w0;
        const numeric = (up - down) / (2 * eps);
        const a = analytic[pi]![i]!;
        worst = Math.max(worst, Math.abs(numeric - a) / Math.max(1e-2, Math.abs(numeric) + Math.abs(a)));
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(30);
    expect(worst).toBeLessThan(2e-2);
  });

  it.each(['rnn', 'lstm'] as RecurrentCell[])('%s over 600 rows (weight gradients summed in blocks): the gradient matches a directional difference', (cell) => {
    const steps = 30;
    const batch = 20;
    const net = new RecurrentNet({ cell, steps, inputs: 3, hidden: 8, outputs: 2, batch, forgetBias: 1 }, 4);
    const rng = mulberry32(8);
    const x = Float32Array.from({ length: batch * steps * 3 }, () => rng() * 2 - 1);
    const y = Float32Array.from({ length: batch }, (_, i) => i % 2);
    const rows = Array.from({ length: batch }, (_, i) => i);
    const loss = () => {
      net.load(x, rows);
      return readOut('classify', net.forward(), 2, y, rows).lossSum / batch;
    };
    net.load(x, rows);
    readOut('classify', net.forward(), 2, y, rows, net.m.dLogits.a);
    net.backward();
    const params = net.paramList();
    const dirs = params.map((p) => Float32Array.from(p.w, () => rng() * 2 - 1));
    const analytic = params.reduce((s, p, i) => s + p.g.reduce((t, g, j) => t + g * dirs[i]![j]!, 0), 0);
    const eps = 1e-3;
    const shift = (k: number) => params.forEach((p, i) => p.w.forEach((w, j) => (p.w[j] = w + k * eps * dirs[i]![j]!)));
    shift(1);
    const up = loss();
    shift(-2);
    const down = loss();
    shift(1);
    expect(Math.abs(analytic)).toBeGreaterThan(1e-3);
    expect(Math.abs((up - down) / (2 * eps) - analytic) / Math.abs(analytic)).toBeLessThan(1e-2);
  });

  it('records ‖∂E/∂h_T‖ of the last step as the read-out sends it back, and a value for every step', () => {
    const { net, grad } = tiny('lstm', 'classify');
    grad();
    const { hidden, outputs } = net.shape;
    const wo = net.m.p.wo.a;
    const dl = net.m.dLogits.a;
    let sq = 0;
    for (let r = 0; r < B; r++) {
      for (let u = 0; u < hidden; u++) {
        let d = 0;
        for (let j = 0; j < outputs; j++) d += dl[r * outputs + j]! * wo[u * outputs + j]!;
        sq += d * d;
      }
    }
    expect(net.hGradSq[T - 1]).toBeCloseTo(sq, 8);
    expect(Array.from(net.hGradSq).every((v) => v > 0 && Number.isFinite(v))).toBe(true);
  });

  it('at initialization over 28 steps, the tanh RNN keeps orders of magnitude less signal at step 1 than the LSTM with forget bias 1', () => {
    const ratio = (cell: RecurrentCell, forgetBias: number) => {
      const steps = 28;
      const net = new RecurrentNet({ cell, steps, inputs: 28, hidden: 128, outputs: 10, batch: 20, forgetBias }, 3);
      const rng = mulberry32(9);
      const x = Float32Array.from({ length: 20 * steps * 28 }, () => (rng() < 0.2 ? rng() : 0));
      const y = Float32Array.from({ length: 20 }, (_, i) => i % 10);
      const rows = Array.from({ length: 20 }, (_, i) => i);
      net.load(x, rows);
      readOut('classify', net.forward(), 10, y, rows, net.m.dLogits.a);
      net.backward();
      return Math.sqrt(net.hGradSq[0]! / net.hGradSq[steps - 1]!);
    };
    const rnn = ratio('rnn', 1);
    const lstm = ratio('lstm', 1);
    const lstm0 = ratio('lstm', 0);
    expect(rnn).toBeLessThan(1e-4);
    expect(lstm / rnn).toBeGreaterThan(100);
    expect(lstm).toBeGreaterThan(lstm0);
  });
});
