// The verdict rules of the layer probe (initial loss, update:data band, ledger predictions, gradient check) and
// the gradient check of the toy network: its chain rule agrees with central differences, and a gradient that
// is 5% off is called wrong.
import { describe, expect, it } from 'vitest';
import {
  FLOAT32_MIN_NORMAL,
  gradientCheckVerdict,
  initialLossCheck,
  layerRanges,
  ledgerPredictions,
  relativeDifference,
  SIGMOID_LEDGER_LINE,
  updateDataVerdict,
  weightGainPrediction,
} from '../../electron/common/diagnostics';
import { toyGradientCheck } from '../../electron/common/gradient-check-toy';
import { DEFAULT_SETUP, randomParams } from '../../electron/common/toy-network';

describe('initial-loss check', () => {
  it('expects −ln(1/10) = 2.303 for ten classes and calls a confidently wrong start high', () => {
    expect(initialLossCheck(2.35, 10)).toEqual({ expected: expect.closeTo(2.302585, 5), loss: 2.35, verdict: 'expected' });
    expect(initialLossCheck(20.8, 10).verdict).toBe('high');
    expect(initialLossCheck(0.5, 10).verdict).toBe('low');
    expect(initialLossCheck(NaN, 10).verdict).toBe('high');
    expect(initialLossCheck(0.7, 2).expected).toBeCloseTo(Math.LN2, 9);
  });
});

describe('update:data guide', () => {
  it('names the layers below −4 and above −2, skipping missing values', () => {
    expect(updateDataVerdict([-5, -4.5, -4.1, -3, null, -1.5])).toEqual({ low: [0, 1, 2], high: [5], none: [4] });
    expect(layerRanges([0, 1, 2, 5, 7, 8])).toEqual([
      [0, 2],
      [5, 5],
      [7, 8],
    ]);
  });
});

describe('chain-rule ledger predictions', () => {
  it('puts the sigmoid line at log10 0.25 and the weights’ gain at 1 (Glorot, equal widths) and √2 (He)', () => {
    expect(SIGMOID_LEDGER_LINE).toBeCloseTo(-0.60206, 5);
    expect(ledgerPredictions(100, 100).glorot).toBeCloseTo(0, 12);
    expect(ledgerPredictions(100, 100).he).toBeCloseTo(Math.log10(Math.SQRT2), 12);
    expect(weightGainPrediction({ kind: 'randomNormal', mean: 0, std: 1 }, 100, 100)).toBeCloseTo(1, 12);
    expect(FLOAT32_MIN_NORMAL).toBe(2 ** -126);
  });
});

describe('gradient check', () => {
  it('grades relative differences by the 1e-7 / 1e-4 / 1e-2 thresholds', () => {
    expect(gradientCheckVerdict(1, 1 + 1e-9)).toBe('excellent');
    expect(gradientCheckVerdict(1, 1 + 1e-5)).toBe('fine');
    expect(gradientCheckVerdict(1, 1 + 1e-3)).toBe('uncomfortable');
    expect(gradientCheckVerdict(1.05, 1)).toBe('wrong');
    expect(gradientCheckVerdict(0, 0)).toBe('both-zero');
    expect(relativeDifference(2, 1)).toBe(0.5);
  });

  it.each(['sigmoid', 'tanh', 'relu'] as const)('finds the toy network’s %s chain rule right for every parameter', (activation) => {
    for (const seed of [1, 2, 3]) {
      const rows = toyGradientCheck({ ...DEFAULT_SETUP, activation, params: randomParams(seed) });
      expect(rows.map((r) => r.param)).toEqual(['w11', 'w12', 'w21', 'w22', 'w31', 'w32', 'v1', 'v2', 'b1', 'b2', 'c']);
      for (const r of rows) expect(['excellent', 'fine', 'both-zero'], `${activation} seed ${seed} ${r.param}: ${r.relative}`).toContain(r.verdict);
    }
  });

  it('calls a gradient 5% off wrong', () => {
    const [row] = toyGradientCheck(DEFAULT_SETUP);
    expect(gradientCheckVerdict(row!.analytic * 1.05, row!.numeric)).toBe('wrong');
  });
});
