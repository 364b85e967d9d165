// The rules that turn layer-probe numbers into verdicts, stated once for the engine, the charts and the tests:
// the initial-loss check, the update:data guide band, the chain-rule ledger's predictions (the sigmoid's 0.25,
// the weights' gain under Glorot and He), the gradient check's thresholds, and the float32 underflow floor.
import { KAIMING_TANH_GAIN, type Activation, type Initializer } from './config';

/** The smallest normal float32 (2⁻¹²⁶): below it a gradient loses precision, and soon becomes exactly 0. */
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

/** A loss within this share of −ln(1/classes) at step 0 counts as the expected initial loss. */
export const INITIAL_LOSS_TOLERANCE = 0.1;

export type InitialLossVerdict = 'expected' | 'high' | 'low';

/**
 * The initial-loss check (makemore part 3): a network that starts without opinions predicts every class with
 * probability 1/classes, so its cross-entropy is −ln(1/classes) (2.303 for MNIST's ten). Much higher means it
 * starts confidently wrong (logits too large); much lower is suspicious at step 0.
 */
export function initialLossCheck(loss: number, classes: number): { expected: number; loss: number; verdict: InitialLossVerdict } {
  const expected = -Math.log(1 / classes);
  const verdict: InitialLossVerdict = !(loss <= expected * (1 + INITIAL_LOSS_TOLERANCE)) ? 'high' : loss < expected * (1 - INITIAL_LOSS_TOLERANCE) ? 'low' : 'expected';
  return { expected, loss, verdict };
}

/**
 * update:data guide (makemore part 3, CS231n): log10 of the update's size relative to the weights near −3.
 * Below `low` a layer learns too slowly for its learning rate; above `high` its weights churn.
 */
export const UPDATE_GUIDE = { target: -3, low: -4, high: -2 } as const;

/**
 * Hidden layers (0-based) whose update:data lies below or above the guide band, and those with none at all
 * (null: a gradient that is exactly zero, so the layer does not move).
 */
export function updateDataVerdict(values: readonly (number | null)[]): { low: number[]; high: number[]; none: number[] } {
  const low: number[] = [];
  const high: number[] = [];
  const none: number[] = [];
  values.forEach((v, l) => {
    if (v === null || !Number.isFinite(v)) return void none.push(l);
    if (v < UPDATE_GUIDE.low) low.push(l);
    else if (v > UPDATE_GUIDE.high) high.push(l);
  });
  return { low, high, none };
}

/** Consecutive runs of layer indices as [first, last] pairs ([0, 1, 2, 5] → [[0, 2], [5, 5]]). */
export function layerRanges(layers: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of [...layers].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && l === last[1] + 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** log10 of the sigmoid's largest derivative, 0.25: the most a sigmoid layer can pass back. */
export const SIGMOID_LEDGER_LINE = Math.log10(0.25);

/**
 * The ledger's prediction for the weights' part, log10 ‖δ·Wᵀ‖/‖δ‖ ≈ log10 √(n·Var(W)) for a kernel with n
 * inputs and m outputs drawn independently of δ: Glorot (Var = 2/(n+m)) gives 1 for equal widths, He
 * (Var = 2/n) gives √2, LeCun (1/n) gives 1; a fixed normal or uniform gives √n·std. Null where the
 * initializer says nothing of the scale (never for the lab's kinds).
 */
export function weightGainPrediction(init: Initializer, n: number, m: number): number {
  const variance = (() => {
    switch (init.kind) {
      case 'glorotUniform':
      case 'glorotNormal':
        return 2 / (n + m);
      case 'heNormal':
      case 'heUniform':
        return 2 / n;
      case 'lecunNormal':
      case 'lecunUniform':
        return 1 / n;
      case 'standardUniform':
        return 1 / (3 * n);
      case 'kaimingTanh':
        return (KAIMING_TANH_GAIN * KAIMING_TANH_GAIN) / n;
      case 'randomNormal':
        return init.std * init.std + init.mean * init.mean;
      case 'randomUniform':
        return (init.max - init.min) ** 2 / 12 + ((init.max + init.min) / 2) ** 2;
      default: {
        const never: never = init;
        throw new Error(`unknown initializer ${JSON.stringify(never)}`);
      }
    }
  })();
  return Math.log10(Math.sqrt(n * variance));
}

/** Glorot's and He's predictions of the weights' part for a layer of n inputs and m outputs (log10). */
export function ledgerPredictions(n: number, m: number): { glorot: number; he: number } {
  return { glorot: weightGainPrediction({ kind: 'glorotNormal' }, n, m), he: weightGainPrediction({ kind: 'heNormal' }, n, m) };
}

/** The activation's largest derivative (its best case in the ledger), or null where it is unbounded. */
export function activationPeak(kind: Activation): number | null {
  switch (kind) {
    case 'sigmoid':
      return 0.25;
    case 'tanh':
    case 'relu':
    case 'linear':
    case 'softplus':
    case 'leakyRelu':
    case 'elu':
      return 1;
    case 'selu':
      return 1.0507009873554805 * 1.6732632423543772;
    case 'gelu':
      return 1.1289;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/**
 * Gradient check thresholds on the relative difference |a − n| / max(|a|, |n|) (CS231n): above 1e-2 the
 * gradient is probably wrong; 1e-4 to 1e-2 is uncomfortable; below 1e-4 is fine for smooth functions (kinks
 * of ReLU can make it larger); below 1e-7 is as good as it gets. float32 analytic gradients against a float64
 * numeric one land around 1e-6 to 1e-4.
 */
export const GRADIENT_CHECK = { wrong: 1e-2, uncomfortable: 1e-4, excellent: 1e-7 } as const;

export type GradientCheckVerdict = 'excellent' | 'fine' | 'uncomfortable' | 'wrong' | 'both-zero';

export function relativeDifference(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  return scale === 0 ? 0 : Math.abs(analytic - numeric) / scale;
}

export function gradientCheckVerdict(analytic: number, numeric: number): GradientCheckVerdict {
  if (analytic === 0 && Math.abs(numeric) < 1e-12) return 'both-zero';
  const r = relativeDifference(analytic, numeric);
  if (!(r <= GRADIENT_CHECK.wrong)) return 'wrong';
  if (r > GRADIENT_CHECK.uncomfortable) return 'uncomfortable';
  return r < GRADIENT_CHECK.excellent ? 'excellent' : 'fine';
}
