// Pacing for dense charts during a live run: the heatmap, the saturation lines and the histogram bands redraw
// from the newest data at most a few times a second (the loss curve, the progress and the diagram keep the
// store's pace), so a 20 Hz stream does not repaint thousands of marks on every event. The newest value always
// arrives; a saved run's data is handed on at once. Call during a component's setup (it uses an effect).
export interface Paced<T> {
  readonly current: T;
}

export function paced<T>(source: () => T, live: () => boolean, everyMs = 250): Paced<T> {
  let current = $state.raw<T>(source());
  let last = -Infinity;
  $effect(() => {
    const next = source();
    const wait = live() ? last + everyMs - performance.now() : 0;
    const hand = () => {
      current = next;
      last = performance.now();
    };
    if (wait <= 0) return void hand();
    const timer = setTimeout(hand, wait);
    return () => clearTimeout(timer);
  });
  return {
    get current() {
      return current;
    },
  };
}
