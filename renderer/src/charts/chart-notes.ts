// The short explanation each chart opens with its ⓘ button (ChartFrame looks it up by the chart's name), and
// the place in the Learn view that explains the idea behind it.
import type { MessageKey } from '../lib/i18n/i18n.svelte';
import type { LearnTarget } from '../lib/learn-link';

export interface ChartNote {
  text: MessageKey;
  learn: LearnTarget;
  /** How the link names that place: the Learn view's own title for it. */
  place: MessageKey;
}

const STEP3 = { learn: { step: 3 }, place: 'learn.step3.title' } as const;
const STEP5 = { learn: { step: 5 }, place: 'learn.step5.title' } as const;
const DEEPER = { learn: { section: 'deeper' }, place: 'learn.deeper.title' } as const;
const THEORY = { learn: { section: 'theory' }, place: 'learn.theory.title' } as const;
const STEP2 = { learn: { step: 2 }, place: 'learn.step2.title' } as const;
const STEP4 = { learn: { step: 4 }, place: 'learn.step4.title' } as const;
const RNN = { learn: { section: 'rnn' }, place: 'learn.rnn.title' } as const;

const NOTES: Record<string, ChartNote> = {
  'loss-accuracy': { text: 'explain.loss-accuracy', ...STEP3 },
  'layer-norm': { text: 'explain.layer-norm', ...STEP5 },
  'layer-heatmap': { text: 'explain.layer-heatmap', ...DEEPER },
  'gradient-histogram': { text: 'explain.gradient-histogram', ...STEP5 },
  saturation: { text: 'explain.saturation', ...THEORY },
  'gradient-norm': { text: 'explain.gradient-norm', ...DEEPER },
  'engineer-stats': { text: 'explain.engineer-stats', ...STEP5 },
  // The rest of the Train view: the recurrent charts, the flow diagram, the test digits, the paper's figures.
  'time-gradient': { text: 'explain.time-gradient', ...RNN },
  'time-heatmap': { text: 'explain.time-heatmap', ...RNN },
  'gradient-flow': { text: 'explain.gradient-flow', ...DEEPER },
  predictions: { text: 'explain.predictions', ...STEP2 },
  'paper-figure': { text: 'explain.paper-figure', ...DEEPER },
  'paper-activations': { text: 'explain.paper-activations', ...THEORY },
  'paper-gradients': { text: 'explain.paper-gradients', ...DEEPER },
  // The diagnostics panel.
  'diag-activations': { text: 'explain.diag-activations', ...THEORY },
  'diag-activation-grads': { text: 'explain.diag-activation-grads', ...DEEPER },
  'diag-update-data': { text: 'explain.diag-update-data', ...STEP4 },
  'diag-delta-time': { text: 'explain.diag-delta-time', ...STEP5 },
  'diag-ledger': { text: 'explain.diag-ledger', ...DEEPER },
  'diag-predict': { text: 'explain.diag-predict', ...DEEPER },
  // Compare: each chart puts several runs on one axis.
  'compare-curves': { text: 'explain.compare-curves', ...STEP3 },
  'compare-grad-time': { text: 'explain.compare-grad-time', ...STEP5 },
  'compare-grad-norm': { text: 'explain.compare-grad-norm', ...DEEPER },
  'compare-layer-profile': { text: 'explain.compare-layer-profile', ...DEEPER },
  'compare-heatmaps': { text: 'explain.compare-heatmaps', ...DEEPER },
  'compare-time-profile': { text: 'explain.compare-time-profile', ...RNN },
  // CompareProbeProfile's `compare-${kind}`, kind 'ledger' | 'update'.
  'compare-ledger': { text: 'explain.compare-ledger', ...DEEPER },
  'compare-update': { text: 'explain.compare-update', ...STEP4 },
  // CompareDistributions: one hidden layer of every run.
  'compare-activations': { text: 'explain.compare-activations', ...THEORY },
  'compare-activation-grads': { text: 'explain.compare-activation-grads', ...DEEPER },
  'compare-update-time': { text: 'explain.compare-update-time', ...STEP4 },
};

/** Every chart name that has an explanation (the test checks each one the components use is among them). */
export const EXPLAINED_CHARTS: readonly string[] = Object.keys(NOTES);

/** The explanation of the chart exported under `name`, or undefined when it has none. */
export function chartNote(name: string): ChartNote | undefined {
  return Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
}
