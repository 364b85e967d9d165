// The Electron copy of better-sqlite3's addon, made with the ecosystem's tools and checked before it is used:
// 1. prebuild-install --runtime electron (a download of the published binary: no compiler needed);
// 2. else @electron/rebuild from source, against Electron's headers (npm's `nodedir` is removed from the
//    environment first, or node-gyp would quietly compile against Node's headers);
// 3. the result's ABI and CPU are read from the binary and compared with what Electron needs (node-abi).
// Everything happens in a staging copy under .electron-native/<platform>-<arch>/: node_modules is never touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getAbi } from 'node-abi';
import { addonMismatch, inspectAddon } from '../../electron/common/native-addon';

export const ADDON_FILE = 'better_sqlite3.node';

export interface ElectronTarget {
  electronVersion: string;
  /** NODE_MODULE_VERSION of that Electron. */
  abi: number;
  platform: NodeJS.Platform;
  arch: string;
}

/** The addon is not what the target runtime can load; the message says which file and why. */
export class AddonMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddonMismatchError';
  }
}

export class AddonBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddonBuildError';
  }
}

function packageJson(root: string, name: string): { version: string; dir: string } {
  const file = createRequire(join(root, 'package.json')).resolve(`${name}/package.json`);
  return { version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version, dir: dirname(file) };
}

export function electronTarget(root: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): ElectronTarget {
  const electronVersion = packageJson(root, 'electron').version;
  return { electronVersion, abi: Number(getAbi(electronVersion, 'electron')), platform, arch };
}

/** Where the checked Electron copy for a platform and CPU lives. */
export function addonPath(root: string, platform: string, arch: string): string {
  return join(root, '.electron-native', `${platform}-${arch}`, ADDON_FILE);
}

/** Throws AddonMismatchError unless `file` is an addon for the target's ABI and CPU. */
export function verifyAddon(file: string, target: ElectronTarget): void {
  if (!existsSync(file)) throw new AddonMismatchError(`${file} does not exist.`);
  const why = addonMismatch(file, inspectAddon(readFileSync(file)), { abi: target.abi, arch: target.arch, runtime: `Electron ${target.electronVersion} (${target.platform}-${target.arch})` });
  if (why) throw new AddonMismatchError(why);
}

export interface BuildOptions {
  root: string;
  target: ElectronTarget;
  log: (line: string) => void;
  /** Download host for prebuilt binaries (default: the package's GitHub releases). */
  prebuiltHost?: string;
  /** Where Electron's headers are downloaded from (default: @electron/rebuild's, electronjs.org). */
  headersUrl?: string;
  /** Skip the compile fallback (e.g. packaging for another OS, where it cannot work). */
  noCompile?: boolean;
  /** Folder holding .electron-native (default: root). */
  outRoot?: string;
}

/** The environment for the tools: npm's nodedir (which points node-gyp at Node's own headers) removed. */
function toolEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key];
  return env;
}

function tryPrebuilt(o: BuildOptions, moduleDir: string): string | undefined {
  const bin = createRequire(join(o.root, 'package.json')).resolve('prebuild-install/bin.js');
  const t = o.target;
  const r = spawnSync(process.execPath, [bin, '--runtime', 'electron', '--target', t.electronVersion, '--arch', t.arch, '--platform', t.platform, '--verbose'], {
    cwd: moduleDir,
    env: toolEnv(o.prebuiltHost ? { npm_config_better_sqlite3_binary_host: o.prebuiltHost } : {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const built = join(moduleDir, 'build', 'Release', ADDON_FILE);
  if (r.status === 0 && existsSync(built)) return built;
  const why = `${r.stderr ?? ''}${r.error?.message ?? ''}`.split('\n').filter((l) => /err|fail|404|ENOTFOUND|ECONN/i.test(l)).slice(-2).join(' ').trim();
  o.log(`No prebuilt binary for Electron ${t.electronVersion} ${t.platform}-${t.arch} could be downloaded${why ? `: ${why}` : ''}.`);
  return undefined;
}

async function tryCompile(o: BuildOptions, appDir: string): Promise<string | undefined> {
  const t = o.target;
  if (t.platform !== process.platform) {
    o.log(`Cannot compile for ${t.platform} on ${process.platform}.`);
    return undefined;
  }
  o.log(`Compiling better-sqlite3 for Electron ${t.electronVersion} ${t.arch} with @electron/rebuild (needs a C++ toolchain)…`);
  const saved = { ...process.env };
  // @electron/rebuild hands process.env to node-gyp: clear npm's nodedir for the duration.
  for (const key of Object.keys(process.env)) if (/^npm_config_nodedir$/i.test(key)) delete process.env[key];
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: appDir,
      electronVersion: t.electronVersion,
      arch: t.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
      buildFromSource: true,
      ...(o.headersUrl ? { headerURL: o.headersUrl } : {}),
    });
  } catch (e) {
    o.log(`Compiling failed: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
    return undefined;
  } finally {
    Object.assign(process.env, saved);
  }
  const built = join(appDir, 'node_modules', 'better-sqlite3', 'build', 'Release', ADDON_FILE);
  return existsSync(built) ? built : undefined;
}

/**
 * Make (or reuse) the checked Electron copy for the target and return its path. Throws AddonBuildError with
 * what was tried when neither a prebuilt binary nor a compile gave an addon Electron can load.
 */
export async function ensureElectronAddon(o: BuildOptions): Promise<string> {
  const t = o.target;
  const out = addonPath(o.outRoot ?? o.root, t.platform, t.arch);
  const sqlite = packageJson(o.root, 'better-sqlite3');
  const stamp = join(dirname(out), 'built-for.json');
  const want = JSON.stringify({ electron: t.electronVersion, betterSqlite3: sqlite.version, platform: t.platform, arch: t.arch });
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    try {
      verifyAddon(out, t);
      return out;
    } catch (e) {
      o.log(`${(e as Error).message} Building it again.`);
    }
  }
  rmSync(dirname(out), { recursive: true, force: true });
  const appDir = join(dirname(out), 'staging');
  const moduleDir = join(appDir, 'node_modules', 'better-sqlite3');
  mkdirSync(appDir, { recursive: true });
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'staging', version: '0.0.0', dependencies: { 'better-sqlite3': sqlite.version } }));
  cpSync(sqlite.dir, moduleDir, { recursive: true, filter: (p) => !p.startsWith(join(sqlite.dir, 'build')) && !p.startsWith(join(sqlite.dir, 'node_modules')) });

  const tried: string[] = [];
  for (const attempt of [() => tryPrebuilt(o, moduleDir), () => (o.noCompile ? undefined : tryCompile(o, appDir))]) {
    const built = await attempt();
    if (!built) continue;
    try {
      verifyAddon(built, t);
    } catch (e) {
      tried.push((e as Error).message);
      o.log(`Refusing the result: ${(e as Error).message}`);
      continue;
    }
    copyFileSync(built, out);
    writeFileSync(stamp, want);
    rmSync(appDir, { recursive: true, force: true });
    return out;
  }
  rmSync(appDir, { recursive: true, force: true });
  throw new AddonBuildError(
    `Could not make better-sqlite3 ${sqlite.version} for Electron ${t.electronVersion} (${t.platform}-${t.arch}, NODE_MODULE_VERSION ${t.abi}): ` +
      `no prebuilt binary could be downloaded${o.noCompile ? '' : ' and compiling it did not succeed'}.${tried.length ? ` ${tried.join(' ')}` : ''} ` +
      'Connect to the internet once (the binary or Electron headers are downloaded), or install a C++ toolchain, then run: npm run electron:native',
  );
}
