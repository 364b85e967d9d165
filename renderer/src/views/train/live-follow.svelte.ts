// What keeps the Train view truthful while a run is live: when the followed run ends and the host starts a run
// that was queued behind it (a sweep, or the queue), the view moves on to that run; and while a run is live the
// host is asked for its queue every few seconds, so a host that died is said at once instead of "running" forever.
import type { LabEvent } from '../../../../electron/common/contract';
import type { QueueState } from '../../../../electron/common/runs';
import { lab } from '../../lib/api';
import type { RunStore } from '../../lib/state/run-store.svelte';

export const HOST_CHECK_MS = 2000;

export class LiveFollow {
  /** The host did not answer the last check. */
  hostLost = $state(false);
  /** The run the view moved on to by itself, for a short notice. */
  movedTo = $state<number | null>(null);
  /** Runs queued behind the followed one, as the host last said. */
  #behind: number[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly run: RunStore,
    private readonly open: (runId: number) => Promise<void>,
    private readonly intervalMs = HOST_CHECK_MS,
  ) {}

  get live(): boolean {
    return this.run.status === 'running' || this.run.status === 'queued';
  }

  handle(e: LabEvent): void {
    if (e.channel === 'queue:changed') this.#queue(e.payload);
  }

  #queue(q: QueueState): void {
    const mine = this.run.runId;
    if (mine === null) return;
    if (q.running === mine) {
      this.#behind = [...q.queued];
      return;
    }
    const at = q.queued.indexOf(mine);
    if (at >= 0) {
      this.#behind = q.queued.slice(at + 1);
      return;
    }
    // The followed run has left the queue: follow the one the host started from behind it.
    if (q.running !== null && this.#behind.includes(q.running)) {
      const next = q.running;
      this.#behind = [...q.queued];
      this.movedTo = next;
      history.replaceState(null, '', `#/train?run=${next}`);
      void this.open(next);
    } else {
      this.#behind = [];
    }
  }

  /** Ask the host for its queue; a failure while a run is live means the host is gone. */
  async check(): Promise<void> {
    if (!this.live && !this.hostLost) return;
    try {
      const q = await lab().call('queue:get', {});
      if (this.hostLost) {
        this.hostLost = false;
        // Back again: what happened to the run meanwhile is in the database.
        if (this.run.runId !== null) await this.open(this.run.runId);
      }
      this.#queue(q);
    } catch {
      this.hostLost = true;
    }
  }

  start(): () => void {
    this.#timer = setInterval(() => void this.check(), this.intervalMs);
    return () => clearInterval(this.#timer);
  }
}
