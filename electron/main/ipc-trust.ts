// Who may talk to main: only the main frame of the app's own page. The page is served from the privileged
// app://gradient-lab scheme (as VS Code serves its workbench from vscode-file://), so trust is a comparison of
// scheme and host, never of file paths (which differ in case, encoding and separators between installs). A dev
// server URL is honoured only when the app is not packaged, and only on loopback.

export const APP_SCHEME = 'app';
export const APP_HOST = 'gradient-lab';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where the page comes from: the app's own scheme, or (development only) the Vite dev server. */
export type RendererSource = { kind: 'app'; url: string } | { kind: 'dev-server'; url: string; origin: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** ELECTRON_RENDERER_URL is a development aid: a packaged app ignores it, and only loopback http is taken. */
export function rendererSource(isPackaged: boolean, env: Record<string, string | undefined>): RendererSource {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev) {
    try {
      const u = new URL(dev);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname) && !u.username && !u.password) {
        return { kind: 'dev-server', url: u.href, origin: u.origin };
      }
    } catch {
      // not a URL: fall through to the app's own page
    }
  }
  return { kind: 'app', url: APP_ENTRY_URL };
}

export function isTrustedUrl(url: string, source: RendererSource): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (source.kind === 'dev-server') return u.origin === source.origin;
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** The shape of Electron's WebFrameMain that the check needs. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** A request is trusted only from a main frame (no parent) whose URL is the app's page. */
export function isTrustedFrame(frame: FrameLike | null | undefined, source: RendererSource): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url, source);
}
