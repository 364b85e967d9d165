// Helpers for the reliability suite: a launcher that taps every message a real trainer sends (with its arrival
// time) so a test can kill -9 that trainer at a chosen moment and compare what the service received with what
// the database kept; a seeded random source; finished runs written straight into a store.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../electron/engine/random';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import type { Launcher, TrainerHandle } from '../../electron/service/launcher';
import type { FromTrainer } from '../../electron/common/trainer-protocol';
import type { Store } from '../../electron/store/store';
import { ROOT, TRAINER_ENTRY } from '../service/service-fixture';

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const p = join(dir, e.name);
    return Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }, 0);
}

/**
 * The built file (out/main/…) when it is newer than every source under electron/ — `npm test` builds first —
 * else undefined and tests run the TypeScript source through tsx. The built trainer is ready in about a
 * second; through tsx's loader hooks it takes three to four, which over 20+ kills is most of the suite's time.
 */
export function freshBuild(name: 'trainer.js' | 'cli.js'): string | undefined {
  const built = join(ROOT, 'out/main', name);
  if (!existsSync(built)) return undefined;
  return statSync(built).mtimeMs >= newestSource(join(ROOT, 'electron')) ? built : undefined;
}

export const FAST_TRAINER_ENTRY = freshBuild('trainer.js') ?? TRAINER_ENTRY;

export interface Tapped {
  handle: TrainerHandle;
  launchedAt: number;
  /** Every message the host received from this trainer, with performance.now() at arrival. */
  received: { at: number; m: FromTrainer }[];
  killedAt?: number;
  kill(): void;
}

/** Forks the real trainer; `onLaunch` and `onMessage` run before the service sees the launch or the message. */
export class TappedLauncher implements Launcher {
  readonly launches: Tapped[] = [];
  onLaunch: ((t: Tapped) => void) | undefined;
  onMessage: ((t: Tapped, m: FromTrainer) => void) | undefined;
  private readonly inner = new ForkLauncher({ entry: FAST_TRAINER_ENTRY });

  launch(): TrainerHandle {
    const handle = this.inner.launch();
    const t: Tapped = {
      handle,
      launchedAt: performance.now(),
      received: [],
      kill() {
        if (t.killedAt !== undefined || handle.pid === undefined) return;
        t.killedAt = performance.now();
        process.kill(handle.pid, 'SIGKILL');
      },
    };
    this.launches.push(t);
    handle.onMessage((m) => {
      t.received.push({ at: performance.now(), m: m as FromTrainer });
      this.onMessage?.(t, m as FromTrainer);
    });
    this.onLaunch?.(t);
    return handle;
  }
}

/** The engine's own seeded generator, so a failing kill schedule reproduces. */
export const seeded = mulberry32;

export { seedFinishedRuns } from '../store/store-fixture';

/** Everything a user could see of a saved run: its summary and every stored row. */
export function snapshotRun(store: Store, id: number) {
  return { summary: store.runs.get(id), config: store.runs.config(id), rows: store.metrics.rows(id) };
}

/** Whether a process with this id still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
