// The one definition of gradient clipping (config.ts GradientClipSchema), for every step engine: in place over
// Float32Array gradients (the kernels and the tfjs-ops pass) and as tf ops (the gradient-tape step).
//   - 'norm': the global norm ‖g‖ over every parameter's gradient (kernels, biases, batch norm's γ and β);
//     when ‖g‖ > threshold every gradient is multiplied by threshold/‖g‖, so their directions are kept;
//   - 'value': every entry is clamped to [−threshold, threshold]; the step counts as clipped when any entry was.
// A non-finite gradient is never clipped (that would hide it): the run ends diverged at that step (train.ts).
// Per-layer statistics describe the gradient the optimizer applied (after clipping); the norm before clipping is
// reported beside it for every step.
import * as tf from '@tensorflow/tfjs';
import type { GradientClip } from '../../common/config';

export interface ClipOutcome {
  /** ‖g‖ over every parameter before clipping. */
  normBefore: number;
  /** ‖g‖ of what the optimizer applies. */
  normAfter: number;
  clipped: boolean;
}

/** Σg² of one gradient, in float64. */
function sumSq(g: Float32Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  return s;
}

/** Clip the gradients in place (float32 storage, float64 arithmetic). */
export function clipArrays(grads: Float32Array[], clip: GradientClip): ClipOutcome {
  const t = clip.threshold;
  const normBefore = Math.sqrt(grads.reduce((s, g) => s + sumSq(g), 0));
  if (!Number.isFinite(normBefore)) return { normBefore, normAfter: normBefore, clipped: false };
  switch (clip.kind) {
    case 'norm': {
      if (normBefore <= t) return { normBefore, normAfter: normBefore, clipped: false };
      const scale = t / normBefore;
      for (const g of grads) for (let i = 0; i < g.length; i++) g[i] = g[i]! * scale;
      return { normBefore, normAfter: Math.sqrt(grads.reduce((s, g) => s + sumSq(g), 0)), clipped: true };
    }
    case 'value': {
      let clipped = false;
      let after = 0;
      for (const g of grads) {
        for (let i = 0; i < g.length; i++) {
          const v = g[i]!;
          if (v > t || v < -t) {
            g[i] = v > t ? t : -t;
            clipped = true;
          }
          after += g[i]! * g[i]!;
        }
      }
      return { normBefore, normAfter: Math.sqrt(after), clipped };
    }
    default: {
      const never: never = clip.kind;
      throw new Error(`unknown clip kind ${String(never)}`);
    }
  }
}

/**
 * Σ of scalars as one stack and one sum: tf.addN binds every input at once, and a WebGPU adapter may allow only
 * 8 storage buffers per shader stage (SwiftShader does), fewer than a deep net's parameters.
 */
function total(scalars: tf.Tensor[]): tf.Scalar {
  return tf.sum(tf.stack(scalars));
}

/** ‖g‖ over several tensors, scaled by the largest |g| first so that float32 squares do not overflow. */
function globalNorm(grads: tf.Tensor[]): tf.Scalar {
  const m = tf.max(tf.stack(grads.map((g) => tf.max(tf.abs(g)))));
  const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
  const s = total(grads.map((g) => tf.sum(tf.square(tf.div(g, safe)))));
  return tf.mul(safe, tf.sqrt(s)) as tf.Scalar;
}

/**
 * The same clipping as tf ops (inside the caller's tidy): the gradients to apply and [‖g‖ before, ‖g‖ after,
 * clipped (1 or 0)] as one tensor. Without a clip the gradients are returned as they are.
 */
export function clipTensors(grads: tf.Tensor[], clip: GradientClip | undefined): { grads: tf.Tensor[]; outcome: tf.Tensor1D } {
  const before = globalNorm(grads);
  if (!clip) return { grads, outcome: tf.stack([before, before, tf.scalar(0)]) as tf.Tensor1D };
  const t = clip.threshold;
  // x·0 is 0 for a finite norm and NaN otherwise: a non-finite gradient is left as it is (see the header).
  const finite = tf.equal(tf.mul(before, 0), 0);
  let applied: tf.Tensor[];
  let clipped: tf.Scalar;
  if (clip.kind === 'norm') {
    clipped = tf.logicalAnd(finite, tf.greater(before, t)) as tf.Scalar;
    const scale = tf.where(clipped, tf.div(t, before), tf.scalar(1));
    applied = grads.map((g) => tf.mul(g, scale));
  } else {
    const over = total(grads.map((g) => tf.sum(tf.cast(tf.greater(tf.abs(g), t), 'float32'))));
    clipped = tf.logicalAnd(finite, tf.greater(over, 0)) as tf.Scalar;
    applied = grads.map((g) => tf.where(finite, tf.clipByValue(g, -t, t), g));
  }
  const after = globalNorm(applied);
  return { grads: applied, outcome: tf.stack([before, after, tf.cast(clipped, 'float32')]) as tf.Tensor1D };
}
