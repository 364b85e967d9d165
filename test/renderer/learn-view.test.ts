// The Learn view in jsdom: stepping through ①–⑤ shows the numbers the toy network computes, edits change
// them, a bad value is reported, and the deeper chain and the Train hand-off say what they should.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, backprop, errorOf, trainStep, type ToySetup } from '../../electron/common/toy-network';
import { deepChain, uniformChain } from '../../electron/common/toy-network-deep';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import LearnView from '../../renderer/src/views/learn/LearnView.svelte';

/** Read a shown number back: four significant digits, with the typographic minus d3-format writes. */
function shown(testid: string): number {
  const text = screen.getByTestId(testid).textContent ?? '';
  const value = Number(text.trim().replace(/\u2212/g, '-'));
  if (!Number.isFinite(value)) throw new Error(`${testid} shows "${text}", not a number`);
  return value;
}

function expectShown(testid: string, expected: number): void {
  // Four significant digits are within 5e-4 of the value, relatively.
  expect(Math.abs(shown(testid) - expected), `${testid}: shown ${shown(testid)}, computed ${expected}`).toBeLessThanOrEqual(
    Math.abs(expected) * 5e-4 + 1e-15,
  );
}

async function stepTo(n: number): Promise<void> {
  for (let k = 1; k <= n; k++) await fireEvent.click(screen.getByTestId(`step-${k}`));
}

afterEach(() => setLocale('en'));

describe('Learn view', () => {
  it('reveals the network step by step with the numbers of the toy network', async () => {
    setLocale('en');
    render(LearnView);
    const setup = DEFAULT_SETUP;
    const bp = backprop(setup);
    const step = trainStep(setup);

    // Nothing computed is shown before the steps are taken, and steps go in order.
    expect(screen.getByTestId('unit-y').textContent).toBe('?');
    expect((screen.getByTestId('step-2') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('step-panel-1')).toBeNull();

    await stepTo(1);
    expect(screen.getByTestId('step-panel-1')).toBeTruthy();
    expectShown('edge-w11', setup.params.w[0][0]);
    expectShown('edge-v2', setup.params.v[1]);
    expect(screen.getByTestId('unit-h1').textContent).toBe('?');

    await stepTo(2);
    expectShown('unit-h1', bp.forward.h[0]);
    expectShown('unit-h2', bp.forward.h[1]);
    expectShown('unit-y', bp.forward.y);
    expectShown('fw-a1', bp.forward.a[0]);
    expectShown('fw-z', bp.forward.z);
    expectShown('fw-y', bp.forward.y);

    await stepTo(3);
    expectShown('err-E', bp.error);
    expectShown('diagram-E', bp.error);
    expect(bp.error).toBeCloseTo(errorOf(setup), 15);

    await stepTo(4);
    expectShown('grad-v1-value', bp.v[0].value);
    bp.v[0].factors.forEach((f, k) => expectShown(`grad-v1-factor-${k}`, f.value));
    expectShown('update-v1', setup.params.v[0] - setup.eta * bp.v[0].value);
    expectShown('edge-v1-next', step.params.v[0]);

    await stepTo(5);
    const g = bp.w[0][0];
    expect(g.factors).toHaveLength(5);
    g.factors.forEach((f, k) => expectShown(`grad-w11-factor-${k}`, f.value));
    g.split.forEach((f, k) => expectShown(`split-w11-factor-${k}`, f.value));
    expectShown('grad-w11-value', g.value);
    expectShown('split-w11-value', g.value);
    expectShown('update-w11', setup.params.w[0][0] - setup.eta * g.value);
    expectShown('edge-w11-next', step.params.w[0][0]);
    expect(screen.getByTestId('error-after').textContent).toContain(screen.getByTestId('err-E').textContent!);
    expect(step.after.error).toBeLessThan(bp.error);

    await fireEvent.click(screen.getByTestId('step-reset'));
    expect(screen.queryByTestId('step-panel-1')).toBeNull();
    expect(screen.getByTestId('unit-y').textContent).toBe('?');
  });

  it('recomputes every shown number when the reader edits the setup', async () => {
    setLocale('en');
    render(LearnView);
    await stepTo(5);
    await fireEvent.change(screen.getByTestId('in-activation'), { target: { value: 'tanh' } });
    await fireEvent.input(screen.getByTestId('in-x1'), { target: { value: '0.3' } });
    await fireEvent.input(screen.getByTestId('in-eta'), { target: { value: '0.2' } });
    const setup: ToySetup = { ...DEFAULT_SETUP, activation: 'tanh', inputs: [0.3, 0.6, 0.5], eta: 0.2 };
    const bp = backprop(setup);
    expectShown('unit-x1', 0.3);
    expectShown('unit-h1', bp.forward.h[0]);
    expectShown('err-E', bp.error);
    expectShown('grad-w11-value', bp.w[0][0].value);
    expectShown('update-w11', setup.params.w[0][0] - 0.2 * bp.w[0][0].value);
    expect(screen.getByTestId('grad-w11').textContent).toContain('tanh′(a1)');
  });

  it('names a field that holds no usable number and keeps the last valid numbers', async () => {
    setLocale('en');
    render(LearnView);
    await stepTo(3);
    await fireEvent.input(screen.getByTestId('in-w12'), { target: { value: '' } });
    expect(screen.getByRole('alert').textContent).toContain('w12');
    expectShown('err-E', backprop(DEFAULT_SETUP).error);
    await fireEvent.input(screen.getByTestId('in-eta'), { target: { value: '-1' } });
    expect(screen.getByRole('alert').textContent).toContain('η');
  });

  it('makes the chain deeper and shows the product of local derivatives under 0.25^n', async () => {
    setLocale('en');
    render(LearnView);
    await fireEvent.input(screen.getByTestId('deeper-depth'), { target: { value: '12' } });
    const chain = deepChain(uniformChain(12, { input: DEFAULT_SETUP.inputs[0], target: 1, activation: 'sigmoid', weight: 1, bias: 0 }));
    const rows = screen.getByTestId('deeper-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(12);
    const last = chain.layers[11];
    const cells = screen.getByTestId('deeper-row-12').querySelectorAll('td');
    const num = (i: number): number => Number(cells[i].textContent!.replace(/\u2212/g, '-'));
    expect(Math.abs(num(3) - last.localProduct)).toBeLessThanOrEqual(last.localProduct * 5e-4);
    expect(Math.abs(num(4) - 0.25 ** 12)).toBeLessThanOrEqual(0.25 ** 12 * 5e-4);
    expect(last.localProduct).toBeLessThan(last.bound);
    expect(screen.getByTestId('deeper-summary').textContent).toContain('12');
  });

  it('marks exact zeros of a dead ReLU chain as zeros, not as tiny values on the log axis', async () => {
    setLocale('en');
    render(LearnView);
    await fireEvent.change(screen.getByTestId('deeper-activation'), { target: { value: 'relu' } });
    await fireEvent.input(screen.getByTestId('deeper-bias'), { target: { value: '-2' } });
    const plot = screen.getByTestId('deeper-plot');
    expect(plot.textContent).toContain('exactly 0');
    expect(screen.getByTestId('deeper-summary').textContent).toContain('product of local derivatives is 0;');
    // Every plotted product point is a zero marker: no circle pretends to sit at a small positive value.
    expect(plot.querySelectorAll('circle[fill="#2458d6"]')).toHaveLength(0);
  });

  it('links to the Train view with seed-keras and with the He-init remedy ready', () => {
    setLocale('en');
    render(LearnView);
    expect(screen.getByTestId('open-train-seed-keras').getAttribute('href')).toBe('#/train?preset=seed-keras');
    expect(screen.getByTestId('open-train-he-init').getAttribute('href')).toBe('#/train?preset=seed-he');
  });

  it('speaks Japanese when the language is Japanese', async () => {
    setLocale('ja');
    render(LearnView);
    await stepTo(1);
    expect(screen.getByTestId('step-1').textContent).toBe('① 初期化');
    expect(screen.getByTestId('learn-view').textContent).toContain('受け入れやすさ');
    expect(screen.getByTestId('train-links').textContent).toContain('学習画面');
  });
});
