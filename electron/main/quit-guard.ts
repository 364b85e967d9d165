// Quitting waits for the service: `before-quit` is held back (Electron does not await listeners) until the
// service host has stopped the running run, flushed its last records and closed the database, or a bound has
// passed; then the app quits for real. A second quit request meanwhile just waits for the first.

export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function guardQuit(app: QuittingApp, close: () => Promise<unknown>, boundMs: number): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((r) => (timer = setTimeout(r, boundMs)));
    void Promise.race([close().catch(() => undefined), bound]).then(() => {
      clearTimeout(timer);
      state = 'closed';
      app.quit();
    });
  });
}
