// The Train view as a workshop uses it, with a fake host: an edited preset becomes a custom experiment named
// from its changes and not filed under the preset.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import TrainView from '../../renderer/src/views/train/TrainView.svelte';
import { fakeLab, stubResizeObserver, summary } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

function host(extra: Parameters<typeof fakeLab>[0] = {}) {
  let next = 40;
  current = fakeLab({
    'app:info': () => ({ version: '0.1.0', platform: 'linux', arch: 'x64', backends: [] }),
    'queue:get': () => ({ running: null, queued: [] }),
    'run:start': (r) => summary(next++, { status: 'queued', name: (r as { name?: string }).name ?? 'default' }),
    ...extra,
  });
}

const field = (c: HTMLElement, k: string) => c.querySelector(`[data-field="${k}"]`) as HTMLInputElement | HTMLSelectElement;

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => {
  location.hash = '';
});

describe('an edited preset', () => {
  it('turns Custom, names the run from its changes and does not file it under the preset', async () => {
    location.hash = '#/train?preset=deep-sigmoid';
    host();
    const { container, getByTestId, queryByTestId } = render(TrainView);
    const picker = getByTestId('preset-picker') as HTMLSelectElement;
    expect(picker.value).toBe('deep-sigmoid');
    expect(getByTestId('preset-description').textContent).toContain('Ten sigmoid layers');
    await fireEvent.change(field(container, 'activation'), { target: { value: 'tanh' } });
    await fireEvent.change(field(container, 'initKind'), { target: { value: 'lecunNormal' } });
    await fireEvent.change(field(container, 'optimizer'), { target: { value: 'sgd' } });
    expect(picker.value).toBe('');
    expect(picker.selectedOptions[0]!.textContent).toContain('Custom');
    expect(queryByTestId('preset-description')).toBeNull();
    expect(getByTestId('preset-changes').textContent).toContain('tanh · LeCun · SGD');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(current.callsOf('run:start')).toHaveLength(1));
    const req = current.callsOf('run:start')[0]!.request as { config: ExperimentConfig; name?: string };
    expect(req.name).toBe('deep-sigmoid · tanh · LeCun · SGD');
    expect(req.config.preset).toBeUndefined();
    expect(req.config.model).toMatchObject({ depth: 10, activation: 'tanh', initializer: { kind: 'lecunNormal' } });
  });

  it('is the preset again, and filed under it, when its settings are put back', async () => {
    location.hash = '#/train?preset=seed-keras';
    host();
    const { container, getByTestId } = render(TrainView);
    await fireEvent.change(field(container, 'activation'), { target: { value: 'relu' } });
    expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('');
    await fireEvent.change(field(container, 'activation'), { target: { value: 'sigmoid' } });
    expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('seed-keras');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(current.callsOf('run:start')).toHaveLength(1));
    const req = current.callsOf('run:start')[0]!.request as { config: ExperimentConfig; name?: string };
    expect(req.config.preset).toBe('seed-keras');
    expect(req.name).toBeUndefined();
  });
});
