// The elementwise half of each recurrent cell, forward and backward, over one time step of n rows. The matrix
// products (x·Wx, h·Wh and their transposes) run in the WebAssembly kernels (network.ts); what is left here is
// per unit, in plain loops over Float32Array views. Gate order and formulas follow PyTorch:
//   rnn:  h = tanh(a)                      irnn: h = max(0, a)
//   lstm: i f g o = σ σ tanh σ of a;  c = f·c₋ + i·g;  h = o·tanh(c)
//   gru:  r z = σ(ax + ah);  n = tanh(axₙ + r·(ahₙ + bhₙ));  h = (1 − z)·n + z·h₋
import type { RecurrentCell } from '../../common/recurrent-limits';

export const GATES: Readonly<Record<RecurrentCell, number>> = { rnn: 1, irnn: 1, lstm: 4, gru: 3 };
/** Gate names in storage order, for the saturation record (irnn has no flat tail). */
export const GATE_NAMES: Readonly<Record<RecurrentCell, readonly string[]>> = { rnn: ['h'], irnn: [], lstm: ['i', 'f', 'g', 'o'], gru: ['r', 'z', 'n'] };
/** Which gates are tanh (the rest of GATE_NAMES are sigmoid). */
export const TANH_GATES: ReadonlySet<string> = new Set(['h', 'g', 'n']);

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** tanh through one exp: V8's Math.tanh costs several times more, and the values are stored as float32 anyway. */
const tanh = (x: number) => 1 - 2 / (1 + Math.exp(2 * x));

/** One step's arrays: a holds x·Wx + b (+ h₋·Wh except for GRU) on entry and the gate values on exit. */
export interface StepArrays {
  n: number;
  hidden: number;
  a: Float32Array;
  /** GRU only: h₋·Wh on entry; its n part becomes ahₙ + bhₙ. */
  r?: Float32Array;
  bhn?: Float32Array;
  hPrev: Float32Array;
  h: Float32Array;
  /** LSTM only: the cell state before and after, and tanh of the new one. */
  cPrev?: Float32Array;
  c?: Float32Array;
  tc?: Float32Array;
}

export function cellForward(cell: RecurrentCell, s: StepArrays): void {
  const { n, hidden: H, a, h } = s;
  switch (cell) {
    case 'rnn':
      for (let i = 0; i < n * H; i++) h[i] = tanh(a[i]!);
      return;
    case 'irnn':
      for (let i = 0; i < n * H; i++) h[i] = a[i]! > 0 ? a[i]! : 0;
      return;
    case 'lstm': {
      const { cPrev, c, tc } = s as Required<StepArrays>;
      for (let row = 0; row < n; row++) {
        const g0 = row * 4 * H;
        for (let u = 0; u < H; u++) {
          const ig = (a[g0 + u] = sigmoid(a[g0 + u]!));
          const fg = (a[g0 + H + u] = sigmoid(a[g0 + H + u]!));
          const gg = (a[g0 + 2 * H + u] = tanh(a[g0 + 2 * H + u]!));
          const og = (a[g0 + 3 * H + u] = sigmoid(a[g0 + 3 * H + u]!));
          const k = row * H + u;
          const cv = (c[k] = fg * cPrev[k]! + ig * gg);
          const t = (tc[k] = tanh(cv));
          h[k] = og * t;
        }
      }
      return;
    }
    case 'gru': {
      const { r, bhn, hPrev } = s as Required<StepArrays>;
      for (let row = 0; row < n; row++) {
        const g0 = row * 3 * H;
        for (let u = 0; u < H; u++) {
          const rg = (a[g0 + u] = sigmoid(a[g0 + u]! + r[g0 + u]!));
          const zg = (a[g0 + H + u] = sigmoid(a[g0 + H + u]! + r[g0 + H + u]!));
          const rn = (r[g0 + 2 * H + u] = r[g0 + 2 * H + u]! + bhn[u]!);
          const ng = (a[g0 + 2 * H + u] = tanh(a[g0 + 2 * H + u]! + rg * rn));
          const k = row * H + u;
          h[k] = (1 - zg) * ng + zg * hPrev[k]!;
        }
      }
      return;
    }
  }
}

/** One step backward: the arrays of the forward step plus the gradients. */
export interface StepGrads {
  /** ∂E/∂h of this step, in. */
  dh: Float32Array;
  /** ∂E/∂(input-side pre-activation), out. */
  dA: Float32Array;
  /** ∂E/∂(recurrent-side pre-activation), out (GRU only; for the other cells it is dA). */
  dR?: Float32Array;
  /** ∂E/∂h₋ through paths other than Wh (GRU: z·dh), out: written for GRU, left alone otherwise. */
  dhPrev: Float32Array;
  /** LSTM: ∂E/∂c carried from the step after, in; ∂E/∂c₋, out. */
  dc?: Float32Array;
  /** GRU: ∂E/∂bhₙ, accumulated. */
  dbhn?: Float64Array;
}

export function cellBackward(cell: RecurrentCell, s: StepArrays, g: StepGrads): void {
  const { n, hidden: H, a, h } = s;
  const { dh, dA } = g;
  switch (cell) {
    case 'rnn':
      for (let i = 0; i < n * H; i++) dA[i] = dh[i]! * (1 - h[i]! * h[i]!);
      return;
    case 'irnn':
      for (let i = 0; i < n * H; i++) dA[i] = h[i]! > 0 ? dh[i]! : 0;
      return;
    case 'lstm': {
      const { cPrev, tc } = s as Required<StepArrays>;
      const dc = g.dc!;
      for (let row = 0; row < n; row++) {
        const g0 = row * 4 * H;
        for (let u = 0; u < H; u++) {
          const k = row * H + u;
          const ig = a[g0 + u]!;
          const fg = a[g0 + H + u]!;
          const gg = a[g0 + 2 * H + u]!;
          const og = a[g0 + 3 * H + u]!;
          const t = tc[k]!;
          const dct = dc[k]! + dh[k]! * og * (1 - t * t);
          dA[g0 + u] = dct * gg * ig * (1 - ig);
          dA[g0 + H + u] = dct * cPrev[k]! * fg * (1 - fg);
          dA[g0 + 2 * H + u] = dct * ig * (1 - gg * gg);
          dA[g0 + 3 * H + u] = dh[k]! * t * og * (1 - og);
          dc[k] = dct * fg;
        }
      }
      return;
    }
    case 'gru': {
      const { r, hPrev } = s as Required<StepArrays>;
      const dR = g.dR!;
      const dbhn = g.dbhn!;
      const dhPrev = g.dhPrev;
      for (let row = 0; row < n; row++) {
        const g0 = row * 3 * H;
        for (let u = 0; u < H; u++) {
          const k = row * H + u;
          const rg = a[g0 + u]!;
          const zg = a[g0 + H + u]!;
          const ng = a[g0 + 2 * H + u]!;
          const d = dh[k]!;
          const dan = d * (1 - zg) * (1 - ng * ng);
          const dar = dan * r[g0 + 2 * H + u]! * rg * (1 - rg);
          const daz = d * (hPrev[k]! - ng) * zg * (1 - zg);
          const drn = dan * rg;
          dA[g0 + u] = dR[g0 + u] = dar;
          dA[g0 + H + u] = dR[g0 + H + u] = daz;
          dA[g0 + 2 * H + u] = dan;
          dR[g0 + 2 * H + u] = drn;
          dbhn[u] = dbhn[u]! + drn;
          dhPrev[k] = d * zg;
        }
      }
      return;
    }
  }
}
