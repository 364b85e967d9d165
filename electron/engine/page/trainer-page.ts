// Entry of the trainer page (renderer/trainer.html): waits for the one MessagePort its preload (desktop app) or
// a test hands it with window.postMessage, then serves the trainer protocol on it. The page exposes nothing else.
import { TRAINER_PORT_MESSAGE } from '../../common/trainer-window';
import { servePageTrainer, type PagePort } from './page-trainer';

interface PortMessage {
  data: unknown;
  origin: string;
  ports: readonly PagePort[];
}

interface PageWindow {
  addEventListener(type: 'message', listener: (e: PortMessage) => void): void;
  close(): void;
  location: { origin: string };
}

const page = globalThis as unknown as PageWindow;
let connected = false;
page.addEventListener('message', (e) => {
  // Only the first port, only from this page's own origin (the preload posts from the same window).
  if (connected || e.data !== TRAINER_PORT_MESSAGE || e.origin !== page.location.origin || e.ports.length !== 1) return;
  connected = true;
  servePageTrainer(e.ports[0]!, () => page.close());
});
