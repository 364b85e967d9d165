// A lab service over a temp database with the real trainer process (forked from source through tsx), plus a
// launcher wrapper that remembers the trainer handles so tests can kill -9 a trainer like a crash would.
import { join, resolve } from 'node:path';
import type { LabEvent } from '../../electron/common/contract';
import type { RunStatus, RunStatusEvent } from '../../electron/common/runs';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import type { Launcher, TrainerHandle } from '../../electron/service/launcher';
import { LabService } from '../../electron/service/lab-service';
import { mnistDataDir } from '../../electron/service/paths';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TRAINER_ENTRY = join(ROOT, 'electron/engine/trainer-process.ts');

export class WatchedLauncher implements Launcher {
  readonly handles: TrainerHandle[] = [];
  private readonly inner = new ForkLauncher({ entry: TRAINER_ENTRY });
  launch(): TrainerHandle {
    const h = this.inner.launch();
    this.handles.push(h);
    return h;
  }
}

export function createService(dbPath: string, launcher: Launcher = new WatchedLauncher()): LabService {
  return new LabService({ launcher, version: '0.1.0-test', locale: 'en-US', host: 'cli', dbPath, mnistDir: mnistDataDir() });
}

/** Collects every event; `ended(id)` resolves with the run's final status event. */
export function recordEvents(service: LabService) {
  const events: { at: number; event: LabEvent }[] = [];
  service.onEvent((event) => events.push({ at: performance.now(), event }));
  const ended = (runId: number, timeoutMs = 60_000) =>
    new Promise<RunStatusEvent>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`run ${runId} did not end within ${timeoutMs} ms`)), timeoutMs);
      const check = (e: LabEvent) => {
        if (e.channel === 'run:status' && e.payload.runId === runId && !(['queued', 'running'] as RunStatus[]).includes(e.payload.status)) {
          clearTimeout(timer);
          off();
          res(e.payload);
        }
      };
      const done = events.find((x) => x.event.channel === 'run:status' && x.event.payload.runId === runId && !['queued', 'running'].includes(x.event.payload.status));
      const off = service.onEvent(check);
      if (done) check(done.event);
    });
  return { events, ended };
}

export async function waitFor(cond: () => boolean, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
