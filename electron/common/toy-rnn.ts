// The toy recurrent network of the Learn view, computed exactly: one tanh unit read over three time steps,
//   a_t = w·h_{t−1} + u·x_t + b,  h_t = tanh(a_t),  h₀ = 0,  y = h₃,  E = ½(y − target)²,
// and backpropagation through time with every factor named: going one step back multiplies ∂E/∂h_t by the same
// kind of factor, w·tanh′(a_t) = w·(1 − h_t²), so after k steps the signal is a product of k such factors —
// it vanishes when they are below 1 and explodes when they are above. Beside it, a gated (LSTM-like) cell state
// c_t = f·c_{t−1} + i·g_t, whose step-back factor is the forget gate f itself: near 1 while f is open, which is
// why the gate's additive path keeps the signal.
import { z } from 'zod';

export const TOY_RNN_STEPS = 3;

const finite = z.number().finite();
export const ToyRnnSetupSchema = z.object({
  inputs: z.array(finite).length(TOY_RNN_STEPS),
  target: finite.min(-1).max(1),
  w: finite,
  u: finite,
  b: finite,
  /** The forget gate of the gated comparison, in (0, 1). */
  forget: finite.gt(0).lt(1),
});
export type ToyRnnSetup = z.infer<typeof ToyRnnSetupSchema>;

export const TOY_RNN_DEFAULT: ToyRnnSetup = { inputs: [1, 0.5, -0.5], target: 0.5, w: 0.8, u: 1, b: 0, forget: 0.95 };

export interface ToyRnnStep {
  /** Time step, 1…3. */
  t: number;
  a: number;
  h: number;
  /** tanh′(a_t) = 1 − h_t². */
  slope: number;
  /** The factor of one step back: ∂h_t/∂h_{t−1} = w·tanh′(a_t). */
  factor: number;
  /** ∂E/∂h_t, the signal reaching this step. */
  dh: number;
  /** This step's share of ∂E/∂w: ∂E/∂h_t · tanh′(a_t) · h_{t−1}. */
  dwPart: number;
}

export interface ToyRnnResult {
  steps: ToyRnnStep[];
  y: number;
  error: number;
  /** ∂E/∂w summed over the steps (backpropagation through time). */
  dw: number;
  /** ∂E/∂h₁ / ∂E/∂h₃: the product of the factors of steps 3 and 2. */
  ratio: number;
}

export function toyRnn(s: ToyRnnSetup): ToyRnnResult {
  const steps: ToyRnnStep[] = [];
  let hPrev = 0;
  for (let t = 1; t <= TOY_RNN_STEPS; t++) {
    const a = s.w * hPrev + s.u * s.inputs[t - 1]! + s.b;
    const h = Math.tanh(a);
    const slope = 1 - h * h;
    steps.push({ t, a, h, slope, factor: s.w * slope, dh: 0, dwPart: 0 });
    hPrev = h;
  }
  const y = hPrev;
  let dh = y - s.target;
  let dw = 0;
  for (let i = TOY_RNN_STEPS - 1; i >= 0; i--) {
    const st = steps[i]!;
    st.dh = dh;
    st.dwPart = dh * st.slope * (i > 0 ? steps[i - 1]!.h : 0);
    dw += st.dwPart;
    dh *= st.factor;
  }
  const last = steps[TOY_RNN_STEPS - 1]!.dh;
  return { steps, y, error: 0.5 * (y - s.target) ** 2, dw, ratio: last !== 0 ? steps[0]!.dh / last : NaN };
}

/**
 * The signal k steps back, relative to the last step, for k = 0…steps: a plain tanh unit whose step-back factor
 * is at most |w|·1 and typically |w|·tanh′ (`slope`, e.g. 0.6), against a gated cell state whose factor is f.
 */
export function signalThroughTime(w: number, slope: number, forget: number, steps: number): { k: number; plain: number; gated: number }[] {
  return Array.from({ length: steps + 1 }, (_, k) => ({ k, plain: Math.abs(w * slope) ** k, gated: forget ** k }));
}
