// The data of a paper preset's figure, from the run's evidence: Glorot & Bengio's mean activation per layer over
// training (Figure 2) and ‖δ‖ per layer at the start (Figure 7), Ioffe & Szegedy's 15/50/85th percentiles of the
// last hidden layer's sigmoid input over training (Figure 1 b, c), Klambauer et al.'s mean and standard deviation
// per layer; Bengio et al.'s ‖∂E/∂h_t‖ against the time step and Pascanu et al.'s ‖g‖ of every step (both on a
// log axis). Pure; the lines are drawn by PaperFigure.svelte. He et al.'s figure is the loss chart itself.
import type { RunEvidence } from '../../../../electron/common/paper-claims';
import { layerColour } from '../../charts/chart-math';

export interface FigureSeries {
  /** Legend label (a layer name or a percentile; not translated). */
  label: string;
  colour: string;
  points: [number, number][];
}

export interface FigureData {
  kind: 'activation-over-time' | 'delta-per-layer' | 'percentiles-over-time' | 'selu-per-layer' | 'grad-through-time' | 'grad-norm-steps';
  x: 'step' | 'layer' | 'time';
  series: FigureSeries[];
  /** A log y axis (values that are not positive are left out of the line). */
  log?: boolean;
}

const PERCENTILE_COLOURS = ['#5b8def', '#1b2130', '#e0703a'];

/** The recurrent presets' figures: ‖∂E/∂h_t‖ over t at the latest statistics step, ‖g‖ over the steps. */
function recurrentFigure(id: string, e: RunEvidence): FigureData | null {
  if (id === 'papers-bengio-rnn') {
    const last = e.timeStats?.at(-1);
    if (!last) return null;
    return { kind: 'grad-through-time', x: 'time', log: true, series: [{ label: '‖∂E/∂h_t‖', colour: '#1b2130', points: last.norms.map((v, t) => [t + 1, v]) }] };
  }
  const g = e.gradNorm ?? [];
  if (g.length === 0) return null;
  const stepOf = (i: number) => (e.steps.length === g.length ? e.steps[i]! : i);
  const series: FigureSeries[] = [{ label: '‖g‖', colour: '#e0703a', points: g.map((v, i) => [stepOf(i), v]) }];
  const applied = e.clippedGradNorm ?? [];
  const threshold = e.config.optimizer.clip?.threshold;
  if (applied.length === g.length && threshold !== undefined) series.push({ label: `‖g‖ ≤ ${threshold}`, colour: '#5b8def', points: applied.map((v, i) => [stepOf(i), v]) });
  return { kind: 'grad-norm-steps', x: 'step', log: true, series };
}

export function paperFigure(e: RunEvidence): FigureData | null {
  const id = e.config.preset ?? '';
  if (id === 'papers-bengio-rnn' || id.startsWith('papers-pascanu')) return recurrentFigure(id, e);
  const hidden = e.layerStats.slice(0, -1);
  if (hidden.length === 0 || hidden[0]!.length === 0) return null;
  if (id === 'papers-glorot-sigmoid') {
    const series = hidden.map((s, l) => ({ label: `L${l + 1}`, colour: layerColour(l, hidden.length), points: s.map((x, k) => [e.statSteps[k]!, x.actMean] as [number, number]) }));
    return { kind: 'activation-over-time', x: 'step', series };
  }
  if (id.startsWith('papers-glorot-tanh')) {
    return { kind: 'delta-per-layer', x: 'layer', series: [{ label: '‖δ‖', colour: '#1b2130', points: hidden.map((s, l) => [l + 1, s[0]!.deltaNorm]) }] };
  }
  if (id.startsWith('papers-ioffe')) {
    const last = e.layerStats.length - 2;
    const probes = e.probes ?? [];
    if (probes.length === 0) return null;
    const pick = [(p: (typeof probes)[number]) => p.layers[last]!.preP15, (p: (typeof probes)[number]) => p.layers[last]!.preP50, (p: (typeof probes)[number]) => p.layers[last]!.preP85];
    const series = ['15%', '50%', '85%'].map((label, i) => ({ label, colour: PERCENTILE_COLOURS[i]!, points: probes.map((p) => [p.step, pick[i]!(p)] as [number, number]) }));
    return { kind: 'percentiles-over-time', x: 'step', series };
  }
  if (id === 'papers-klambauer-selu') {
    const k = (s: readonly unknown[]) => s.length - 1;
    return {
      kind: 'selu-per-layer',
      x: 'layer',
      series: [
        { label: 'mean', colour: '#5b8def', points: hidden.map((s, l) => [l + 1, s[k(s)]!.actMean]) },
        { label: 'std', colour: '#e0703a', points: hidden.map((s, l) => [l + 1, s[k(s)]!.actStd]) },
      ],
    };
  }
  return null;
}

/**
 * The layers a per-layer histogram of the paper figure draws: every hidden layer of a net up to `max` of them; of a
 * deeper one (He et al.'s 30 layers, Klambauer et al.'s 32), `max` spread evenly from the first to the last hidden
 * layer — and the output layer, which the histograms leave out themselves.
 */
export function figureLayers<L extends { output: boolean }>(layers: readonly L[], max = 8): L[] {
  const hidden = layers.filter((l) => !l.output);
  if (hidden.length <= max) return [...layers];
  const picked = new Set(Array.from({ length: max }, (_, i) => Math.round((i * (hidden.length - 1)) / (max - 1))));
  return [...hidden.filter((_, i) => picked.has(i)), ...layers.filter((l) => l.output)];
}
