// How the Learn view writes numbers and chain-rule factors. Four significant digits with trailing zeros
// dropped keep a chain of factors readable, and d3's "g" switches to an exponent before a tiny product would
// print as a row of zeros.
import { format } from 'd3-format';
import type { Activation } from '../../../../electron/common/toy-network-activations';
import type { Factor } from '../../../../electron/common/toy-network';

const g4 = format('.4~g');

export function fmt(x: number): string {
  // -0 would print as "−0", which reads like a sign error.
  return x === 0 ? '0' : g4(x);
}

export const ACT_SYMBOL: Record<Activation, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU' };

export function factorSymbol(f: Pick<Factor, 'of' | 'wrt'>): string {
  return `∂${f.of}/∂${f.wrt}`;
}

/**
 * The closed form of one local derivative, e.g. ∂h1/∂a1 = σ′(a1) or ∂a1/∂w11 = x1, so the reader sees why
 * each factor has its value. Factors that group several steps (∂E/∂h1) have no short form and return ''.
 */
export function factorFormula(f: Pick<Factor, 'of' | 'wrt'>, activation: Activation): string {
  const { of, wrt } = f;
  if (of === 'E' && wrt === 'y') return 'y − t';
  if (of === 'y' && wrt === 'z') return 'σ′(z) = y(1 − y)';
  if (of === 'z' && /^v\d$/.test(wrt)) return `h${wrt.slice(1)}`;
  if (of === 'z' && /^h\d$/.test(wrt)) return `v${wrt.slice(1)}`;
  if (of === 'z' && wrt === 'c') return '1';
  if (/^h\d$/.test(of) && /^a\d$/.test(wrt)) return `${ACT_SYMBOL[activation]}′(${wrt})`;
  if (/^a\d$/.test(of) && /^w\d\d$/.test(wrt)) return `x${wrt[1]}`;
  if (/^a\d$/.test(of) && /^b\d$/.test(wrt)) return '1';
  if (of === 'y' && /^v\d$/.test(wrt)) return `σ′(z) · h${wrt.slice(1)}`;
  if (/^h\d$/.test(of) && /^w\d\d$/.test(wrt)) return `${ACT_SYMBOL[activation]}′(a${of.slice(1)}) · x${wrt[1]}`;
  return '';
}
