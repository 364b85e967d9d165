// The hardened options of every Gradient Lab window, kept apart from app start-up so tests can read them.
import type { BrowserWindowConstructorOptions } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Gradient Lab',
    show: false,
    backgroundColor: '#0f1420',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Only the app's own page may send requests: the main frame loaded from the renderer folder (or dev server). */
export function isTrustedSenderUrl(url: string, rendererUrl: string): boolean {
  try {
    const sender = new URL(url);
    const trusted = new URL(rendererUrl);
    if (trusted.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === trusted.pathname;
    return sender.origin === trusted.origin;
  } catch {
    return false;
  }
}
