// The step engine a run trained with ('kernels', 'tfjs-ops', 'tape', 'bptt' for recurrent runs), in the current language, and the
// "backend (engine)" label History, Compare and the Train view show for a run.
import type { BackendName } from '../../../../electron/common/app-info';
import { t } from './i18n.svelte';

const KEYS = { kernels: 'engine.kernels', 'tfjs-ops': 'engine.tfjs-ops', tape: 'engine.tape', bptt: 'engine.bptt' } as const;

export function engineName(engine: string): string {
  return Object.prototype.hasOwnProperty.call(KEYS, engine) ? t(KEYS[engine as keyof typeof KEYS]) : engine;
}

/** "webgpu (gradient tape)", the backend alone for runs recorded before engines were, or '—'. */
export function backendAndEngine(backend: BackendName | null, engine: string | null): string {
  if (!backend) return '—';
  return engine ? `${backend} (${engineName(engine)})` : backend;
}
