// Back-pressure for one WebSocket client. A client that stops reading (a laptop asleep at the end of an SSH
// tunnel) must not make the host buffer without limit: while more than `highWaterBytes` wait in the socket,
// progress events of a run are merged into one pending event (newest progress, the latest batches, epochs and
// histograms, each list capped) and sent when the client catches up; anything else that would push the buffer
// past `hardCapBytes` ends the connection instead (the client reconnects and reloads what it shows).
import type { LabEvent } from '../common/contract';
import type { RunProgressEvent } from '../common/runs';

export const PACING = {
  /** Above this many buffered bytes, progress events are merged instead of sent. */
  highWaterBytes: 1024 * 1024,
  /** A client with more than this buffered is disconnected rather than buffered further. */
  hardCapBytes: 64 * 1024 * 1024,
  /** How often a merged event waits for the buffer to drain. */
  retryMs: 100,
  /** The most batches, epochs and histograms a merged event keeps (the newest). */
  maxBatches: 2000,
  maxEpochs: 1000,
  maxHistograms: 64,
} as const;

/** What the pacer needs of a socket (ws's WebSocket has all of it). */
export interface PacedSocket {
  readonly bufferedAmount: number;
  send(text: string): void;
  terminate(): void;
}

type Progress = RunProgressEvent & { runId: number };

const newest = <T>(a: T[], b: T[], max: number): T[] => [...a, ...b].slice(-max);

function merge(older: Progress, newer: Progress): Progress {
  return {
    ...newer,
    batches: newest(older.batches, newer.batches, PACING.maxBatches),
    epochs: newest(older.epochs, newer.epochs, PACING.maxEpochs),
    histograms: newest(older.histograms, newer.histograms, PACING.maxHistograms),
    probes: newest(older.probes ?? [], newer.probes ?? [], PACING.maxHistograms),
    started: older.started ?? newer.started,
  };
}

export interface EventPacer {
  /** A pushed event: sent, merged (progress) or, past the hard cap, the end of the connection. */
  event(event: LabEvent): void;
  /** A reply to the client's request (never merged). */
  reply(text: string): void;
  /** Stop the timer and forget pending events (the socket closed). */
  close(): void;
  /** Merged events dropped or waiting, for tests and diagnostics. */
  readonly stats: { merged: number; terminated: boolean };
}

export function createEventPacer(ws: PacedSocket, limits: Partial<typeof PACING> = {}): EventPacer {
  const high = limits.highWaterBytes ?? PACING.highWaterBytes;
  const cap = limits.hardCapBytes ?? PACING.hardCapBytes;
  const retryMs = limits.retryMs ?? PACING.retryMs;
  const pending = new Map<number, Progress>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stats = { merged: 0, terminated: false };

  const write = (text: string) => {
    if (stats.terminated) return;
    if (ws.bufferedAmount + text.length > cap) {
      stats.terminated = true;
      pending.clear();
      ws.terminate();
      return;
    }
    ws.send(text);
  };
  const flush = () => {
    timer = undefined;
    if (ws.bufferedAmount > high) return schedule();
    const events = [...pending.values()];
    pending.clear();
    for (const payload of events) write(JSON.stringify({ event: { channel: 'run:progress', payload } }));
  };
  const schedule = () => {
    if (!timer && !stats.terminated) timer = setTimeout(flush, retryMs);
  };

  return {
    stats,
    event(event) {
      if (event.channel === 'run:progress') {
        const before = pending.get(event.payload.runId);
        if (before || ws.bufferedAmount > high) {
          stats.merged++;
          pending.set(event.payload.runId, before ? merge(before, event.payload) : event.payload);
          return schedule();
        }
      } else if (pending.size) {
        // Keep the order a client relies on: a run's last progress before its status.
        const events = [...pending.values()];
        pending.clear();
        for (const payload of events) write(JSON.stringify({ event: { channel: 'run:progress', payload } }));
      }
      write(JSON.stringify({ event }));
    },
    reply: write,
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
