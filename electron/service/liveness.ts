// Whether a queued or running run still has a live owner. The owning host renews the run's heartbeat every
// HEARTBEAT_MS; a run whose heartbeat is older than STALE_MS has no owner left (crash, kill -9, power loss), even
// if a later process was given the owner's process id (PID 1 in a container, ids reused after a reboot).
import type { RunRow } from '../store/runs';

export const HEARTBEAT_MS = 2_000;
/** Several missed heartbeats: a host busy for a few seconds (a large import, a slow disk) is not declared dead. */
export const STALE_MS = 15_000;

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run row in 'queued' or 'running' whose owner is gone. `ours`: runs this host itself is running. An owner id
 * equal to ours means an earlier process that had our id (this host has just started); an owner id no process
 * has means the owner ended; otherwise the heartbeat decides (runs from before heartbeats: the live id does).
 */
export function ownerGone(row: Pick<RunRow, 'id' | 'owner_pid' | 'heartbeat_at'>, ours: (id: number) => boolean, now = Date.now()): boolean {
  if (ours(row.id)) return false;
  if (row.owner_pid === null || row.owner_pid === process.pid || !processAlive(row.owner_pid)) return true;
  return row.heartbeat_at !== null && now - row.heartbeat_at > STALE_MS;
}
