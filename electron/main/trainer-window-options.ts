// The hidden trainer window's options: every flag of the app's hardened windows (window-options.ts), never
// shown, never throttled in the background (it trains while hidden), its own preload that hands over only the
// trainer's MessagePort.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWindowOptions } from './window-options';

export function trainerWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = secureWindowOptions(preloadPath);
  return {
    ...base,
    width: 320,
    height: 240,
    minWidth: undefined,
    minHeight: undefined,
    title: 'Gradient Lab trainer',
    show: false,
    skipTaskbar: true,
    focusable: false,
    webPreferences: { ...base.webPreferences, backgroundThrottling: false },
  };
}
