// electron-builder's afterPack step: put the checked Electron copy of better-sqlite3 into the packaged app's
// unpacked node_modules (replacing the Node build electron-builder copied there), and check it again in place.
// It writes only inside the packaged app (appOutDir); the project's node_modules is never written.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDON_FILE, electronTarget, ensureElectronAddon, verifyAddon } from './electron-addon';

/** The fields of electron-builder's AfterPackContext used here. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
  arch: number;
  packager: { appInfo: { productFilename: string } };
}

const ARCHES = ['ia32', 'x64', 'arm', 'arm64'];
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The packaged app's resources folder (inside the .app bundle on macOS). */
export function resourcesDir(context: PackContext): string {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return join(context.appOutDir, 'resources');
}

export function packagedAddonPath(context: PackContext): string {
  return join(resourcesDir(context), 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', ADDON_FILE);
}

export async function installElectronAddon(context: PackContext, log: (line: string) => void = console.log): Promise<string> {
  const arch = ARCHES[context.arch];
  if (!arch) throw new Error('A universal macOS build is not supported: package --x64 and --arm64 separately.');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : (context.electronPlatformName as NodeJS.Platform);
  const target = electronTarget(ROOT, platform, arch);
  const dest = packagedAddonPath(context);
  if (!existsSync(dirname(dest))) throw new Error(`The packaged app has no ${dirname(dest)}: is better-sqlite3 in asarUnpack?`);
  const built = await ensureElectronAddon({
    root: ROOT,
    target,
    log,
    noCompile: platform !== process.platform,
    outRoot: process.env.GRADIENT_LAB_NATIVE_ROOT || undefined,
  });
  copyFileSync(built, dest);
  verifyAddon(dest, target);
  log(`Installed ${built} into the app (Electron ${target.electronVersion}, NODE_MODULE_VERSION ${target.abi}, ${platform}-${arch}).`);
  return dest;
}
