// What the service host checks before it opens anything, so a broken install or build stops with one clear
// sentence naming the file and what to do, and no data is touched: the four MNIST files, and the ABI and CPU
// of a better-sqlite3 addon built for another runtime (the desktop app in development).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MNIST_FILES } from '../common/mnist-files';
import { addonMismatch, inspectAddon } from '../common/native-addon';

/** A file the app ships with is missing or damaged. */
export class BrokenInstallError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'BrokenInstallError';
  }
}

/** The native SQLite addon cannot be loaded by this runtime. */
export class NativeAddonError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'NativeAddonError';
  }
}

export function checkMnistDir(dir: string): void {
  for (const name of Object.values(MNIST_FILES)) {
    const file = join(dir, name);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new BrokenInstallError(
        `The MNIST data file ${file} is missing, so runs cannot train on MNIST. Reinstall Gradient Lab (in development: npm ci). Your saved runs were not touched.`,
        file,
      );
    }
  }
}

/** Refuse an addon this process could not load, before better-sqlite3 tries to. */
export function checkSqliteBinding(file: string, runtime: string, abi = Number(process.versions.modules), arch = process.arch): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new NativeAddonError(`The SQLite addon ${file} is missing. Build it with: npm run electron:native. Your saved runs were not touched.`, file);
  }
  const why = addonMismatch(file, inspectAddon(bytes), { abi, arch, runtime });
  if (why) throw new NativeAddonError(`${why} Rebuild it with: npm run electron:native. Your saved runs were not touched.`, file);
}
