// Presenter mode for a projector: the settings fold away, text and lines grow, and the keyboard drives the
// lesson — P toggles the mode, S starts or stops the run, → / ← step through the Learn view, C shows the next
// chart full screen (Shift+C the previous one), Esc leaves full screen. Keys are ignored while typing in a field.
export const presenter = $state<{ on: boolean; chart: number }>({ on: false, chart: -1 });

/**
 * The chart shown full screen (its frame reads this to lay the chart out at the screen's height), or null.
 * (Svelte proxies only plain objects and arrays: the element is held as it is.)
 */
export const fullChart = $state<{ el: HTMLElement | null }>({ el: null });

/**
 * How much a full-screen chart is enlarged for a projector: the chart is laid out at its ordinary proportions
 * (text, lines and margins as on a laptop) in the space divided by this factor, then shown `zoom`ed by it, so
 * its words and lines grow with the screen (1.33× at 1280×720, about 2× at 1920×1080) and it fills the screen.
 */
export function projectorZoom(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 1;
  return Math.min(2.5, Math.max(1, Math.min(width / 900, height / 420)));
}

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
    fullChart.el = null;
    return;
  }
  presenter.chart = ((i % all.length) + all.length) % all.length;
  all[presenter.chart]!.classList.add('presenter-full');
  fullChart.el = all[presenter.chart]!;
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
