// The x axis Compare's step series share: training steps, the share of each run's own training (so a 120-step
// run is as wide as a 4 690-step one), or epochs. One place maps a run's step to the axis, gives the domain,
// the ticks and the axis title, so curves, gradients and heatmaps always agree.
import { max } from 'd3-array';
import { format } from 'd3-format';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Tick } from '../../charts/chart-math';
import { integerTicks } from '../../charts/plot-layout';
import { t } from '../../lib/i18n/i18n.svelte';
import type { CompareRun } from './compare-data';

export type RunAxis = 'step' | 'fraction' | 'epoch';
export const RUN_AXES: readonly RunAxis[] = ['step', 'fraction', 'epoch'];

/** The planned length of a run, in steps (at least what it has recorded). */
export function plannedSteps(run: CompareRun): number {
  const steps = run.detail.series.steps;
  const last = steps.length ? steps[steps.length - 1]! + 1 : 1;
  return Math.max(last, run.stepsPerEpoch * run.detail.config.training.epochs);
}

/** Where step `step` of `run` sits on the axis. */
export function axisValue(run: CompareRun, step: number, axis: RunAxis): number {
  if (axis === 'fraction') return (step + 1) / plannedSteps(run);
  if (axis === 'epoch') return (step + 1) / Math.max(1, run.stepsPerEpoch);
  return step;
}

/** Steps when the runs are about as long, else the share of training (a short run would be a sliver). */
export function defaultAxis(runs: readonly CompareRun[]): RunAxis {
  const lengths = runs.map(plannedSteps);
  return lengths.length && Math.max(...lengths) > 2 * Math.min(...lengths) ? 'fraction' : 'step';
}

export function axisScale(runs: readonly CompareRun[], axis: RunAxis, width: number): ScaleLinear<number, number> {
  if (axis === 'fraction') return scaleLinear().domain([0, 1]).range([0, width]);
  const hi = max(runs, (r) => axisValue(r, r.detail.series.steps[r.detail.series.steps.length - 1] ?? 0, axis)) ?? 1;
  return scaleLinear().domain([0, Math.max(axis === 'epoch' ? 0.1 : 1, hi)]).range([0, width]);
}

export function axisTicks(x: ScaleLinear<number, number>, length: number, axis: RunAxis, spacing = 90): Tick[] {
  if (axis === 'step') return integerTicks(x, length, spacing);
  const fmt = axis === 'fraction' ? format('.0%') : format('~g');
  return x.ticks(Math.max(2, Math.floor(length / spacing))).map((v) => ({ pos: x(v), label: fmt(v) }));
}

export function axisTitle(axis: RunAxis): string {
  return axis === 'fraction' ? t('compare.axis.fractionTitle') : axis === 'epoch' ? t('compare.axis.epochTitle') : t('charts.axis.step');
}

/** Where the pointer is, in words ("step 120", "40 % of training", "epoch 2.5"). */
export function axisAt(value: number, axis: RunAxis): string {
  if (axis === 'fraction') return t('compare.axis.atFraction', { pct: format('.0%')(value) });
  if (axis === 'epoch') return t('compare.curves.atEpoch', { epoch: format('.1~f')(value) });
  return t('compare.curves.atStep', { step: Math.round(value) });
}
