// Which backend a run will get, as far as the renderer can tell before it starts: the ladder from the chosen
// rung (or the top) down to the first available one; the rungs passed over are listed with the probe's reason.
import { BACKEND_LADDER, type BackendName, type BackendProbe } from '../../../../electron/common/app-info';

export interface BackendPlan {
  used: BackendName;
  skipped: { name: BackendName; reason: string }[];
}

export function plannedBackend(probes: readonly BackendProbe[] | null, preferred: string): BackendPlan | null {
  if (!probes) return null;
  const start = Math.max(0, BACKEND_LADDER.indexOf(preferred as BackendName));
  const skipped: BackendPlan['skipped'] = [];
  for (const name of BACKEND_LADDER.slice(start)) {
    const probe = probes.find((p) => p.name === name);
    if (probe?.available) return { used: name, skipped };
    skipped.push({ name, reason: probe?.reason ?? '—' });
  }
  return null;
}
