// When a run has diverged. Rule: the loss is not finite (NaN, ±Infinity), or it has stayed above
// DIVERGENCE.factor × max(first loss, ln(classes)) for DIVERGENCE.sustainedSteps steps in a row. ln(classes) is
// the loss of a uniform guess, so a run that starts far below it still gets room; 100× that is a loss no
// learning run reaches (an Adam run blowing up sits at 1e5 and above), and a few steps in a row let a single
// spike pass.
export const DIVERGENCE = { factor: 100, sustainedSteps: 5 } as const;

/** Feed each step's loss; returns why the run diverged, or null while it has not. */
export function divergenceWatch(classes: number): (loss: number) => string | null {
  let limit: number | undefined;
  let over = 0;
  return (loss) => {
    if (!Number.isFinite(loss)) return `loss became ${loss}`;
    limit ??= DIVERGENCE.factor * Math.max(loss, Math.log(Math.max(2, classes)));
    over = loss > limit ? over + 1 : 0;
    if (over < DIVERGENCE.sustainedSteps) return null;
    return `loss exploded: above ${limit.toPrecision(3)} (${DIVERGENCE.factor} × the larger of the first loss and ln ${classes}) for ${over} steps, now ${loss.toPrecision(3)}`;
  };
}
