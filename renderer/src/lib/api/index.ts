// The client the app uses: Electron's preload bridge when present, else the web host's WebSocket. In the desktop
// app (the app: scheme) there is no web host to fall back to: a missing bridge is reported on every call.
import { LabError } from '../../../../electron/common/result';
import { t } from '../i18n/i18n.svelte';
import type { LabClient } from './client';
import { electronClient } from './electron-client';
import { wsClient } from './ws-client';

let client: LabClient | undefined;

function missingBridge(): LabClient {
  const error = () => new LabError('NoBridge', t('bridge.missing'));
  return {
    transport: 'electron',
    call: () => Promise.reject(error()),
    onEvent: () => () => undefined,
  };
}

export function lab(): LabClient {
  client ??= window.lab ? electronClient(window.lab) : location.protocol === 'app:' ? missingBridge() : wsClient();
  return client;
}

export type { LabClient };
