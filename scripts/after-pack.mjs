// electron-builder hook (afterPack): loads the TypeScript step through tsx, a development dependency, since
// packaging always runs in the development tree. See scripts/native/after-pack.ts.
import { register } from 'tsx/esm/api';

register();
const { installElectronAddon } = await import('./native/after-pack.ts');

export default async function afterPack(context) {
  await installElectronAddon(context);
}
