// The loss chart's reference: the cross-entropy of a uniform guess, −ln(1/classes) = ln(classes) (ln 10 ≈ 2.303
// for MNIST), and a loss axis that reaches above it, so a run resting on that line is drawn as a plateau below
// the top edge rather than pressed against it.

/** ln(classes), the loss of a guess spread evenly over `classes` classes; null without a class count. */
export function uniformLoss(classes: number | undefined): number | null {
  return classes !== undefined && Number.isInteger(classes) && classes >= 2 ? Math.log(classes) : null;
}

/** Headroom above the reference line, as a share of it. */
const HEADROOM = 1.15;

/** The top of the loss axis (before d3's nice()): the largest plotted loss, and at least the reference with headroom. */
export function lossAxisTop(highest: number | undefined, uniform: number | null): number {
  const hi = highest !== undefined && Number.isFinite(highest) ? highest : 1;
  return Math.max(0.1, hi, uniform === null ? 0 : uniform * HEADROOM);
}
