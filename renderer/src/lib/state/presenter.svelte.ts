// Presenter mode for a projector: the settings fold away, text and lines grow, and the keyboard drives the
// lesson — P toggles the mode, S starts or stops the run, → / ← step through the Learn view, C shows the next
// chart full screen (Shift+C the previous one), Esc leaves full screen. Keys are ignored while typing in a field.
export const presenter = $state<{ on: boolean; chart: number }>({ on: false, chart: -1 });

export type PresenterAction = 'toggle-run' | 'next-step' | 'previous-step';

/** The views listen for these (the Train view for toggle-run, the Learn view for the steps). */
export const PRESENTER_EVENT = 'gradient-lab:presenter';

function charts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('main [data-testid^="chart-"]')];
}

/** Show chart `i` (wrapping) full screen, or none for -1. */
export function showChart(i: number): void {
  const all = charts();
  for (const el of all) el.classList.remove('presenter-full');
  if (i < 0 || all.length === 0) {
    presenter.chart = -1;
    return;
  }
  presenter.chart = ((i % all.length) + all.length) % all.length;
  all[presenter.chart]!.classList.add('presenter-full');
}

export function setPresenter(on: boolean): void {
  presenter.on = on;
  if (!on) showChart(-1);
  document.documentElement.dataset.presenter = on ? 'on' : 'off';
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));
}

function send(action: PresenterAction): void {
  window.dispatchEvent(new CustomEvent<PresenterAction>(PRESENTER_EVENT, { detail: action }));
}

/** The window's key handler (installed once by the app shell). */
export function presenterKey(e: KeyboardEvent): void {
  if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === 'p') return void setPresenter(!presenter.on);
  if (!presenter.on) return;
  if (key === 's') send('toggle-run');
  else if (e.key === 'ArrowRight') send('next-step');
  else if (e.key === 'ArrowLeft') send('previous-step');
  else if (key === 'c') showChart(presenter.chart + (e.shiftKey ? -1 : 1));
  else if (e.key === 'Escape') showChart(-1);
  else return;
  e.preventDefault();
}
