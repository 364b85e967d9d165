// The only file that touches ipcMain. Every request is checked for its sender frame, then handed to the
// shared dispatcher, which parses the payload with the contract's schema.
import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL, METHOD_NAMES, type LabEvent } from '../common/contract';
import { fail } from '../common/result';
import type { Dispatch } from '../service/dispatcher';
import { isTrustedSenderUrl } from './window-options';

export function registerIpc(dispatch: Dispatch, rendererUrl: () => string): () => void {
  for (const channel of METHOD_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url, rendererUrl())) {
        return fail('Forbidden', 'Request from an untrusted frame');
      }
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
