// The client the app uses: Electron's preload bridge when present, else the web host's WebSocket.
import type { LabClient } from './client';
import { electronClient } from './electron-client';
import { wsClient } from './ws-client';

let client: LabClient | undefined;

export function lab(): LabClient {
  client ??= window.lab ? electronClient(window.lab) : wsClient();
  return client;
}

export type { LabClient };
