// The application menu. Items are Electron roles, so the OS labels them in the user's language. Reload and the
// developer tools (the View menu) exist only in development: in an installed app they would let a click
// reload away a run's view or open a console on the page.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(isPackaged: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    ...(isPackaged ? [] : [{ role: 'viewMenu' as const }]),
    { role: 'windowMenu' },
  ];
}
