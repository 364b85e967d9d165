// Compare's shared x axis: runs of very different lengths open on "share of training", where a 60-step run
// spans the whole width next to a 4 690-step one instead of a sliver; steps and epochs stay one click away;
// the layer profile draws the sigmoid bound 0.25^k where the theory applies, and only there.
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../electron/common/runs';
import CompareCurves from '../../renderer/src/views/compare/CompareCurves.svelte';
import CompareLayerProfile from '../../renderer/src/views/compare/CompareLayerProfile.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { axisValue, defaultAxis, plannedSteps } from '../../renderer/src/views/compare/run-axis';
import { configDiff } from '../../electron/service/run-queries';
import { detail, seedComparison, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

/** A run of `steps` steps in `epochs` epochs (the fixture's 60-step shape, lengthened). */
function sized(id: number, preset: string, steps: number, epochs: number): RunDetail {
  const d = detail(id, preset, [0.02, 0.1]);
  const all = Array.from({ length: steps }, (_, i) => i);
  const per = steps / epochs;
  return {
    ...d,
    config: { ...d.config, dataset: { kind: 'mnist', trainSize: per * d.config.training.batchSize, testSize: 100 }, training: { ...d.config.training, epochs } },
    series: {
      ...d.series,
      steps: all,
      loss: all.map((s) => 2.3 * Math.exp(-s / per) + 0.1),
      acc: all.map((s) => Math.min(1, s / steps)),
      statSteps: all,
      layerStats: d.series.layerStats.map((l) => all.map((s) => l[s % l.length]!)),
    },
  };
}

/** Largest x reached by a run's accuracy path. */
function rightEnd(container: HTMLElement, runId: number): number {
  const d = container.querySelector(`[data-series="acc-${runId}"]`)!.getAttribute('d')!;
  return Math.max(...[...d.matchAll(/[ML]([-\d.e]+),/g)].map((m) => Number(m[1])));
}

describe('Compare’s x axis', () => {
  const runs = prepareRuns({ runs: [sized(1, 'seed-keras', 60, 1), sized(2, 'seed-he', 4690, 10)], diff: configDiff([]) });

  it('maps each run’s steps to the share of its own training, or to its epochs', () => {
    expect(plannedSteps(runs[0]!)).toBe(60);
    expect(plannedSteps(runs[1]!)).toBe(4690);
    expect(axisValue(runs[0]!, 59, 'fraction')).toBeCloseTo(1);
    expect(axisValue(runs[1]!, 2344, 'fraction')).toBeCloseTo(0.5);
    expect(axisValue(runs[1]!, 468, 'epoch')).toBeCloseTo(1);
    expect(defaultAxis(runs)).toBe('fraction');
    expect(defaultAxis(prepareRuns(seedComparison()))).toBe('step');
  });

  it('draws a short run across the whole width on "share of training", as a sliver on steps', async () => {
    const width = 600;
    const inner = width - 64 - 26;
    const { container, rerender } = render(CompareCurves, { runs, axis: 'fraction', width });
    expect(rightEnd(container, 1)).toBeCloseTo(inner, 0);
    expect(rightEnd(container, 2)).toBeCloseTo(inner, 0);
    expect(container.querySelector('[data-panel="acc"] [data-axis="x"]')!.textContent).toContain('100%');
    await rerender({ runs, axis: 'step', width });
    expect(rightEnd(container, 1)).toBeLessThan(inner * 0.02);
  });

  it('draws the ‖δ‖ bound for sigmoid runs without BN or residual connections only, and never under ‖∂E/∂W‖', () => {
    const three = prepareRuns(seedComparison());
    const grad = render(CompareLayerProfile, { runs: three });
    expect(grad.container.querySelector('[data-bound-run]')).toBeNull();
    grad.unmount();
    const { container, getByTestId } = render(CompareLayerProfile, { runs: three, metric: 'delta' });
    const sigmoid = three.filter((r) => r.detail.config.model.activation === 'sigmoid' && !r.detail.config.model.batchNorm && !r.detail.config.model.residual);
    expect(sigmoid.length).toBeGreaterThan(0);
    expect(sigmoid.length).toBeLessThan(three.length);
    expect([...container.querySelectorAll('[data-bound-run]')].map((p) => Number(p.getAttribute('data-bound-run')))).toEqual(sigmoid.map((r) => r.id));
    expect(getByTestId('profile-bound-legend').textContent).toContain('‖δ_out‖ · Π ¼‖W‖');
  });
});
