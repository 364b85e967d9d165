// The preload of the hidden WebGPU trainer window: it exposes nothing but the one MessagePort main hands it
// (webContents.postMessage with the port transferred), which it passes on to the page's main world with
// window.postMessage once the page has loaded (a context-isolated preload cannot hand a port over otherwise).
// No ipcRenderer, no Node, nothing else reaches the page.
import { ipcRenderer } from 'electron';
import { TRAINER_PORT_CHANNEL, TRAINER_PORT_MESSAGE } from '../common/trainer-window';

/** The part of the window this preload uses (the preload compiles without the DOM library). */
interface PreloadWindow {
  document: { readyState: string };
  addEventListener(type: 'load', listener: () => void, options: { once: boolean }): void;
  postMessage(message: string, targetOrigin: string, transfer: unknown[]): void;
}

const win = globalThis as unknown as PreloadWindow;
const loaded = new Promise<void>((resolve) => {
  if (win.document.readyState === 'complete') resolve();
  else win.addEventListener('load', () => resolve(), { once: true });
});

let passed = false;
ipcRenderer.on(TRAINER_PORT_CHANNEL, (event) => {
  if (passed || event.ports.length !== 1) return;
  passed = true;
  // To this same window only (the page checks the origin); '*' so an origin that serialises oddly cannot drop it.
  void loaded.then(() => win.postMessage(TRAINER_PORT_MESSAGE, '*', [...event.ports]));
});
