// The only file that touches ipcMain. Every request is checked for its sender frame (the main frame of the app's
// own page, see ipc-trust.ts), then relayed to the service host, whose dispatcher parses the payload with the
// contract's schema. Events from the host go to the window.
import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL, METHOD_NAMES, type LabEvent } from '../common/contract';
import { fail } from '../common/result';
import type { Dispatch } from '../service/dispatcher';
import { isTrustedFrame, type RendererSource } from './ipc-trust';

export function registerIpc(dispatch: Dispatch, source: RendererSource): () => void {
  for (const channel of METHOD_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedFrame(event.senderFrame, source)) return fail('Forbidden', 'Request from an untrusted frame');
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of METHOD_NAMES) ipcMain.removeHandler(channel);
  };
}

export function forwardEvents(subscribe: (l: (e: LabEvent) => void) => () => void, target: () => WebContents | undefined): () => void {
  return subscribe((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
