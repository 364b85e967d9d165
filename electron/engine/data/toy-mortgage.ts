// The Learn view's mortgage question as a small tabular set: income, loan amount and years employed (scaled to
// about 0…1) → does the customer sign? Generated from the seed, so it is the same on every machine. The rule
// follows the Learn view: income and years employed push towards signing, a large loan pushes away; a little
// noise keeps it from being perfectly separable.
import type { Dataset } from './dataset';
import { deriveSeed, gaussian, mulberry32 } from '../random';
import { TOY_MORTGAGE_TRAIN_SIZE } from '../../common/config';

export const TOY_FEATURES = ['income', 'loanAmount', 'yearsEmployed'] as const;
export const TOY_TRAIN_SIZE = TOY_MORTGAGE_TRAIN_SIZE;
export const TOY_TEST_SIZE = 128;

function generate(n: number, seed: number): { x: Float32Array; y: Uint8Array } {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * TOY_FEATURES.length);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const income = rng();
    const loan = rng();
    const years = Math.min(1, Math.max(0, 0.5 + 0.25 * gaussian(rng)));
    const score = 4 * income - 4 * loan + 2 * years - 1 + 0.5 * gaussian(rng);
    x.set([income, loan, years], i * 3);
    y[i] = score > 0 ? 1 : 0;
  }
  return { x, y };
}

export function loadToyMortgage(seed: number): Dataset {
  const train = generate(TOY_TRAIN_SIZE, deriveSeed(seed, 303));
  const test = generate(TOY_TEST_SIZE, deriveSeed(seed, 404));
  return {
    name: 'toy mortgage',
    features: TOY_FEATURES.length,
    classes: 2,
    trainX: train.x,
    trainY: train.y,
    testX: test.x,
    testY: test.y,
    testIndex: Int32Array.from({ length: TOY_TEST_SIZE }, (_, i) => i),
  };
}
