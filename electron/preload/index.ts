// The sandboxed preload: exposes `window.lab`, one verb per contract method plus onEvent. ipcRenderer itself,
// and the IPC event object, never reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, methods, type LabApi, type LabEvent, type MethodName } from '../common/contract';

const api = {} as Record<string, unknown>;
for (const channel of Object.keys(methods) as MethodName[]) {
  api[methods[channel].verb] = (request: unknown) => ipcRenderer.invoke(channel, request ?? {});
}
api.onEvent = (listener: (event: LabEvent) => void) => {
  const wrapped = (_event: unknown, payload: LabEvent) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('lab', api as LabApi);
