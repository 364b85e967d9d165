// A backend's availability reason in the current language (the engine records it as one English sentence).
import { parseBackendReason } from '../../../../electron/common/backend-reasons';
import { t } from './i18n.svelte';

export function localizeBackendReason(reason: string): string {
  const r = parseBackendReason(reason);
  switch (r.code) {
    case 'ready':
      return t('backendReason.ready', { pkg: r.pkg });
    case 'not-installed':
      return t('backendReason.notInstalled', { pkg: r.pkg });
    case 'load-failed':
      return t('backendReason.loadFailed', { pkg: r.pkg, detail: r.detail });
    case 'no-backend':
      return t('backendReason.noBackend', { pkg: r.pkg, name: r.name });
    case 'init-failed':
      return t('backendReason.initFailed', { name: r.name });
    case 'failed':
      return t('backendReason.failed', { name: r.name, detail: r.detail });
    case 'no-gpu-device':
      return t('backendReason.noGpuDevice', { pkg: r.pkg });
    case 'probe-timeout':
      return t('backendReason.probeTimeout', { pkg: r.pkg, seconds: r.seconds });
    case 'probe-crashed':
      return t('backendReason.probeCrashed', { pkg: r.pkg, detail: r.detail });
    case 'no-adapter':
      return t('backendReason.noAdapter');
    case 'other-native':
      return t('backendReason.otherNative', { pkg: r.pkg });
    case 'window-ready':
      return t('backendReason.windowReady', { adapter: r.adapter });
    case 'other':
      return r.detail;
  }
}
