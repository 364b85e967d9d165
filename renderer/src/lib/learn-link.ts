// Addresses into the Learn view, so a chart can send the reader to the step that explains it:
// `#/learn?step=N` opens the round of back-propagation at step N (1–5), `#/learn?section=NAME` scrolls to the
// deeper chain, the recurrent unit through time or the theory (the section whose heading is `learn-NAME-title`). One place builds them and one place reads them back.

/** The Learn view's sections below the five steps that a link can open. */
export const LEARN_SECTIONS = ['deeper', 'theory', 'rnn'] as const;
export type LearnSection = (typeof LEARN_SECTIONS)[number];
export const LEARN_STEPS = 5;

export type LearnTarget = { step: number } | { section: LearnSection };

/** The address of a place in the Learn view. */
export function learnHref(target: LearnTarget): string {
  return 'step' in target ? `#/learn?step=${target.step}` : `#/learn?section=${target.section}`;
}

/** The place a Learn address asks for, or null (an unknown section or a step outside 1–5 asks for nothing). */
export function learnTargetOf(hash: string): LearnTarget | null {
  const query = hash.split('?')[1];
  if (query === undefined) return null;
  const params = new URLSearchParams(query);
  const step = params.get('step');
  if (step !== null && /^\d+$/.test(step)) {
    const n = Number(step);
    return n >= 1 && n <= LEARN_STEPS ? { step: n } : null;
  }
  const section = params.get('section');
  return section !== null && (LEARN_SECTIONS as readonly string[]).includes(section) ? { section: section as LearnSection } : null;
}
