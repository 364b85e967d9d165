// The Learn view's deeper chain shows growth as clearly as shrinkage: with the weights included, each layer
// multiplies the gradient by |w·f′|, and the chain says whether that factor's bound |w|·max f′ is below 1
// (vanishing) or above it (exploding), with the grown product in the table and the plot, in both languages.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { deepChain, uniformChain } from '../../electron/common/toy-network-deep';
import { factorChain } from '../../electron/common/toy-network-factors';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import DeeperChain from '../../renderer/src/views/learn/DeeperChain.svelte';

afterEach(() => setLocale('en'));

describe('deeper chain: vanishing and exploding', () => {
  it('a sigmoid chain at w = 1 only shrinks: factor bound 0.25, no explosion note', () => {
    setLocale('en');
    render(DeeperChain, { props: { input: 0.8, target: 1, activation: 'sigmoid' } });
    expect(screen.getByTestId('deeper-factor').textContent).toContain('0.25');
    expect(screen.getByTestId('deeper-factor').textContent).toContain('vanishing gradient');
    expect(screen.queryByTestId('deeper-explode')).toBeNull();
  });

  it('a ReLU chain with w = 1.5 grows 1.5ⁿ and says so, in English and in Japanese', async () => {
    setLocale('en');
    render(DeeperChain, { props: { input: 0.8, target: 1, activation: 'relu' } });
    await fireEvent.input(screen.getByTestId('deeper-weight'), { target: { value: '1.5' } });
    await fireEvent.input(screen.getByTestId('deeper-depth'), { target: { value: '12' } });
    const setup = uniformChain(12, { input: 0.8, target: 1, activation: 'relu', weight: 1.5, bias: 0 });
    const want = factorChain(setup, deepChain(setup))[11]!.product;
    expect(want).toBeCloseTo(1.5 ** 12, 6);
    const cell = screen.getByTestId('deeper-row-12').querySelector('[data-factor]')!;
    expect(Number(cell.textContent!.replace(/\u2212/g, '-'))).toBeCloseTo(want, 1);
    expect(screen.getByTestId('deeper-factor').textContent).toContain('exploding gradient');
    expect(screen.getByTestId('deeper-explode').textContent).toContain('12 layers');
    // The grown product sits above 1 on the log axis: 1.5¹² ≈ 130, so the top decade is 10³.
    expect(screen.getByTestId('deeper-plot').textContent).toContain('10³');
    setLocale('ja');
    flushSync();
    expect(screen.getByTestId('deeper-explode').textContent).toContain('勾配爆発');
    expect(screen.getByTestId('deeper-factor').textContent).toContain('勾配爆発');
  });
});
