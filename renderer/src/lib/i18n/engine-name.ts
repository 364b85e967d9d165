// The step engine a run trained with ('kernels', 'tfjs-ops', 'tape'), in the current language, and the
// "backend (engine)" label History, Compare and the Train view show for a run.
import type { BackendName } from '../../../../electron/common/app-info';
import { t } from './i18n.svelte';

const KEYS: Record<string, string> = { kernels: 'engine.kernels', 'tfjs-ops': 'engine.tfjs-ops', tape: 'engine.tape' };

export function engineName(engine: string): string {
  const key = KEYS[engine];
  return key ? t(key) : engine;
}

/** "webgpu (gradient tape)", the backend alone for runs recorded before engines were, or '—'. */
export function backendAndEngine(backend: BackendName | null, engine: string | null): string {
  if (!backend) return '—';
  return engine ? `${backend} (${engineName(engine)})` : backend;
}
