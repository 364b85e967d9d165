// The divergence rule on loss sequences: non-finite at once; an explosion to 100× the larger of the first loss
// and ln(classes) once it lasts 5 steps; a single spike, a slow rise and a run that starts high are not.
import { describe, expect, it } from 'vitest';
import { DIVERGENCE, divergenceWatch } from '../../electron/engine/train/divergence';

/** The index at which `losses` is declared diverged, or -1. */
function divergesAt(losses: number[], classes = 10): number {
  const watch = divergenceWatch(classes);
  return losses.findIndex((l) => watch(l) !== null);
}

describe('divergence rule', () => {
  it('stops at the first NaN or Infinity', () => {
    expect(divergesAt([2.3, 2.2, NaN])).toBe(2);
    expect(divergesAt([2.3, Infinity])).toBe(1);
    expect(divergesAt([-Infinity])).toBe(0);
  });

  it('catches an Adam run whose loss explodes to 6e5, after it has lasted the stated number of steps', () => {
    const losses = [2.3, 2.1, 1.9, 40, 3e3, 6e4, 6e5, 6e5, 6e5, 6e5, 6e5];
    // Above 230 (100 × ln 10) from index 4 on: diverged at the 5th such step.
    expect(divergesAt(losses)).toBe(4 + DIVERGENCE.sustainedSteps - 1);
    expect(divergenceWatch(10)(NaN)).toMatch(/loss became NaN/);
  });

  it('lets a single spike, a noisy run and a run that starts with a large loss go on', () => {
    expect(divergesAt([2.3, 2.2, 5e3, 2.1, 2.0, 1.9])).toBe(-1);
    expect(divergesAt(Array.from({ length: 1000 }, (_, i) => 2.3 + Math.sin(i) * 2))).toBe(-1);
    // The seed's N(1, 1) kernels start near a loss of 40; 1000 is still learning-sized for it.
    expect(divergesAt([40, 80, 300, 1000, 900, 800, 700, 600])).toBe(-1);
  });

  it('states why, with the limit', () => {
    const watch = divergenceWatch(10);
    let why: string | null = null;
    for (const l of [2.3, 1e4, 1e4, 1e4, 1e4, 1e4]) why = watch(l) ?? why;
    expect(why).toMatch(/loss exploded: above 230 .*for 5 steps, now 1\.00e\+4/);
  });
});
