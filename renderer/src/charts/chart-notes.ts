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

const NOTES: Record<string, ChartNote> = {
  'loss-accuracy': { text: 'explain.loss-accuracy', ...STEP3 },
  'layer-norm': { text: 'explain.layer-norm', ...STEP5 },
  'layer-heatmap': { text: 'explain.layer-heatmap', ...DEEPER },
  'gradient-histogram': { text: 'explain.gradient-histogram', ...STEP5 },
  saturation: { text: 'explain.saturation', ...THEORY },
  'gradient-norm': { text: 'explain.gradient-norm', ...DEEPER },
  'engineer-stats': { text: 'explain.engineer-stats', ...STEP5 },
};

/** The explanation of the chart exported under `name`, or undefined when it has none. */
export function chartNote(name: string): ChartNote | undefined {
  return Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
}
