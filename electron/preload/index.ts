// The sandboxed preload: exposes `window.lab`, one verb per contract method plus onEvent. ipcRenderer itself,
// and the IPC event object, never reach the page. Each verb is listed by name, typed from the contract, so a
// method added to or changed in contract.ts fails this file's compile until it is exposed here too.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL } from '../common/channels';
import type { LabApi, LabEvent, MethodName, MethodRequest, MethodResponse } from '../common/contract';
import type { Result } from '../common/result';

function verb<M extends MethodName>(channel: M): (request: MethodRequest<M>) => Promise<Result<MethodResponse<M>>> {
  return (request) => ipcRenderer.invoke(channel, request ?? {}) as Promise<Result<MethodResponse<M>>>;
}

const api: LabApi = {
  appInfo: verb('app:info'),
  startRun: verb('run:start'),
  stopRun: verb('run:stop'),
  listRuns: verb('run:list'),
  getRun: verb('run:get'),
  updateRun: verb('run:update'),
  deleteRuns: verb('run:delete'),
  compareRuns: verb('run:compare'),
  getQueue: verb('queue:get'),
  moveQueued: verb('queue:move'),
  exportBundle: verb('bundle:export'),
  importBundle: verb('bundle:import'),
  runCsv: verb('run:csv'),
  setPrediction: verb('run:predict'),
  onEvent(listener: (event: LabEvent) => void) {
    const wrapped = (_event: unknown, payload: LabEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('lab', api);
