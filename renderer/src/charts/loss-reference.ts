// The loss chart's reference: the cross-entropy of a uniform guess, −ln(1/classes) = ln(classes) (ln 10 ≈ 2.303
// for MNIST), and a loss axis that lets a plateau on that line be seen. A run that starts confidently wrong
// (seed-keras begins near 25) would otherwise set the axis for good and press the plateau into the bottom tenth
// of the panel; so the axis is set by the run after its opening (the first tenth of its points), at least up to
// the reference with headroom, and what the opening has above it is drawn along the top edge and named.

/** ln(classes), the loss of a guess spread evenly over `classes` classes; null without a class count. */
export function uniformLoss(classes: number | undefined): number | null {
  return classes !== undefined && Number.isInteger(classes) && classes >= 2 ? Math.log(classes) : null;
}

/** Headroom above the reference line, as a share of it. */
const HEADROOM = 1.15;
/** The share of a run's points that is its opening. */
const OPENING = 0.1;

export interface LossAxis {
  /** The top of the axis (before d3's nice()). */
  top: number;
  /** The highest loss above `top` (drawn along the top edge), or null when everything fits. */
  above: number | null;
}

const finiteMax = (vs: readonly number[]): number => vs.reduce((m, v) => (Number.isFinite(v) && v > m ? v : m), -Infinity);

/**
 * The loss axis for `values` (the plotted per-step series, in step order) and `markers` (per-epoch values).
 * Without a reference, everything fits, as before; with one, the axis follows the run after its opening.
 */
export function lossAxis(values: readonly number[], markers: readonly number[], uniform: number | null): LossAxis {
  const all = Math.max(finiteMax(values), finiteMax(markers));
  if (uniform === null) return { top: Math.max(0.1, Number.isFinite(all) ? all : 1), above: null };
  const rest = finiteMax(values.slice(Math.floor(values.length * OPENING)));
  const top = Math.max(0.1, uniform * HEADROOM, rest);
  return { top, above: Number.isFinite(all) && all > top * 1.02 ? all : null };
}
