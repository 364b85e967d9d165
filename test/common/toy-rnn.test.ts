// The Learn view's three-step toy RNN against hand arithmetic and against finite differences: every factor
// w·tanh′(a_t), ∂E/∂h_t passed back as their product, ∂E/∂w summed over time; and the gated path's f^k keeping
// orders of magnitude more signal than |w·tanh′|^k over 28 steps.
import { describe, expect, it } from 'vitest';
import { signalThroughTime, TOY_RNN_DEFAULT, toyRnn, ToyRnnSetupSchema, type ToyRnnSetup } from '../../electron/common/toy-rnn';

describe('toy RNN, three steps', () => {
  it('computes the forward pass and each step-back factor by hand', () => {
    const r = toyRnn(TOY_RNN_DEFAULT);
    const h1 = Math.tanh(1);
    const h2 = Math.tanh(0.8 * h1 + 0.5);
    const h3 = Math.tanh(0.8 * h2 - 0.5);
    expect(r.steps.map((s) => s.h)).toEqual([h1, h2, h3].map((v) => expect.closeTo(v, 12)));
    expect(r.y).toBeCloseTo(h3, 12);
    expect(r.steps[2]!.dh).toBeCloseTo(h3 - 0.5, 12);
    expect(r.steps[1]!.dh).toBeCloseTo((h3 - 0.5) * 0.8 * (1 - h3 * h3), 12);
    expect(r.steps[0]!.dh).toBeCloseTo((h3 - 0.5) * 0.8 * (1 - h3 * h3) * 0.8 * (1 - h2 * h2), 12);
    expect(r.ratio).toBeCloseTo(r.steps[2]!.factor * r.steps[1]!.factor, 12);
    expect(Math.abs(r.ratio)).toBeLessThan(1);
  });

  it('sums ∂E/∂w over time as finite differences of the error say', () => {
    const setup: ToyRnnSetup = { ...TOY_RNN_DEFAULT, w: 1.3, b: 0.1 };
    const eps = 1e-6;
    const numeric = (toyRnn({ ...setup, w: setup.w + eps }).error - toyRnn({ ...setup, w: setup.w - eps }).error) / (2 * eps);
    expect(toyRnn(setup).dw).toBeCloseTo(numeric, 8);
  });

  it('over 28 steps the gated path keeps orders of magnitude more signal than the plain one', () => {
    const s = signalThroughTime(0.8, 0.6, 0.95, 27);
    expect(s).toHaveLength(28);
    expect(s[27]!.plain).toBeCloseTo(0.48 ** 27, 15);
    expect(s[27]!.gated / s[27]!.plain).toBeGreaterThan(1e6);
  });

  it('rejects a forget gate outside (0, 1) and a non-finite weight', () => {
    expect(ToyRnnSetupSchema.safeParse({ ...TOY_RNN_DEFAULT, forget: 1 }).success).toBe(false);
    expect(ToyRnnSetupSchema.safeParse({ ...TOY_RNN_DEFAULT, w: Number.NaN }).success).toBe(false);
  });
});
