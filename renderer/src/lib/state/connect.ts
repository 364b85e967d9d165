// Wire the current run's store to the host's events once for the app's lifetime, so a run keeps recording
// while the user looks at another view.
import { lab } from '../api';
import { currentRun } from './run-store.svelte';

let connected = false;

export function connectCurrentRun(): void {
  if (connected) return;
  connected = true;
  lab().onEvent((e) => currentRun.handle(e));
}
