// LabClient over the web host's WebSocket. The printed address carries the access token (?token=…, or #token=…);
// it moves into this tab's sessionStorage (scoped to this origin, port included, unlike cookies)
// and out of the address bar, and goes with the socket's address. Requests wait for the socket and it reconnects
// after a drop.
import type { LabEvent, MethodName, MethodRequest, MethodResponse } from '../../../../electron/common/contract';
import { LabError, type Result } from '../../../../electron/common/result';
import { unwrap, type LabClient } from './client';

interface Pending {
  resolve: (r: Result<unknown>) => void;
  reject: (e: Error) => void;
}

const TOKEN_KEY = 'gradient-lab-token';

/** Whether the address still carries the access token (main.ts takes it before the views read the address). */
export function addressHasToken(): boolean {
  return new URLSearchParams(location.search).has('token') || location.hash.startsWith('#token=');
}

/** The access token, taken from the address once; the view route in the fragment (#/train?run=5) is kept. */
export function accessToken(): string {
  const query = new URLSearchParams(location.search);
  const fromAddress = query.get('token') ?? (location.hash.startsWith('#token=') ? new URLSearchParams(location.hash.slice(1)).get('token') : null);
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    query.delete('token');
    const search = query.toString();
    const hash = location.hash.startsWith('#token=') ? '' : location.hash;
    history.replaceState(history.state, '', location.pathname + (search ? `?${search}` : '') + hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function wsClient(url = `ws://${location.host}/ws?token=${encodeURIComponent(accessToken())}`): LabClient {
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(e: LabEvent) => void>();
  let retryMs = 250;

  function connect(): Promise<WebSocket> {
    opened ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        retryMs = 250;
        resolve(ws);
      };
      ws.onmessage = (m) => {
        const data = JSON.parse(String(m.data)) as { id?: number; result?: Result<unknown>; event?: LabEvent };
        if (data.event) for (const l of listeners) l(data.event);
        else if (typeof data.id === 'number' && data.result) {
          pending.get(data.id)?.resolve(data.result);
          pending.delete(data.id);
        }
      };
      ws.onclose = () => {
        socket = undefined;
        opened = undefined;
        for (const p of pending.values()) p.reject(new LabError('Disconnected', 'The connection to Gradient Lab was lost'));
        pending.clear();
        reject(new LabError('Disconnected', 'Cannot reach Gradient Lab'));
        // Keep event subscriptions alive across a host restart.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), (retryMs = Math.min(retryMs * 2, 5000)));
      };
    });
    return opened;
  }

  return {
    transport: 'websocket',
    async call<M extends MethodName>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>> {
      const ws = socket ?? (await connect());
      const id = nextId++;
      const result = await new Promise<Result<unknown>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, channel: method, payload: request }));
      });
      return unwrap(result) as MethodResponse<M>;
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
