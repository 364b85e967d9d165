// One client interface for the renderer, whatever hosts it: `window.lab` in Electron, a WebSocket in a browser.
import type { LabApi, LabEvent, MethodName, MethodRequest, MethodResponse } from '../../../../electron/common/contract';
import { LabError, type Result } from '../../../../electron/common/result';

export interface LabClient {
  /** Call a contract method; resolves to its value or rejects with a LabError naming what went wrong. */
  call<M extends MethodName>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>>;
  onEvent(listener: (event: LabEvent) => void): () => void;
  readonly transport: 'electron' | 'websocket';
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new LabError(result.error.name, result.error.message);
}

declare global {
  interface Window {
    lab?: LabApi;
  }
}
