// `npm run electron:native`: make the Electron copy of better-sqlite3 in .electron-native/<platform>-<arch>/
// (used by `npm start`; packaging installs the same file into the app), or check a given addon:
//   tsx scripts/electron-native.ts [--arch ARCH] [--platform OS] [--no-compile] [--out-root DIR]
//   tsx scripts/electron-native.ts --check FILE [--arch ARCH]
// Exit 0 with the file's path; exit 1 with a plain reason when the addon is missing or not Electron's.
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronTarget, ensureElectronAddon, verifyAddon } from './native/electron-addon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    arch: { type: 'string', default: process.arch },
    platform: { type: 'string', default: process.platform },
    check: { type: 'string' },
    'no-compile': { type: 'boolean', default: false },
    'prebuilt-host': { type: 'string' },
    'headers-url': { type: 'string' },
    'out-root': { type: 'string' },
  },
});

const target = electronTarget(root, values.platform as NodeJS.Platform, values.arch);
try {
  if (values.check) {
    verifyAddon(values.check, target);
    process.stdout.write(`${values.check}: fits Electron ${target.electronVersion} (NODE_MODULE_VERSION ${target.abi}, ${target.platform}-${target.arch})\n`);
  } else {
    const file = await ensureElectronAddon({
      root,
      target,
      log: (line) => process.stderr.write(`${line}\n`),
      prebuiltHost: values['prebuilt-host'],
      headersUrl: values['headers-url'] ?? process.env.ELECTRON_REBUILD_DIST_URL,
      noCompile: values['no-compile'],
      outRoot: values['out-root'],
    });
    process.stdout.write(`${file}: fits Electron ${target.electronVersion} (NODE_MODULE_VERSION ${target.abi}, ${target.platform}-${target.arch})\n`);
  }
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
