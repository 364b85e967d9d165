// `gradient-lab info`: version, platform, the backend ladder and the training kernels as probed on this machine.
import type { NodeLab } from '../../service/node-lab';

export async function infoCommand(lab: NodeLab, json: boolean, out: NodeJS.WritableStream): Promise<number> {
  const info = await lab.service.appInfo();
  if (json) {
    out.write(JSON.stringify(info) + '\n');
    return 0;
  }
  out.write(`Gradient Lab ${info.version} (${info.platform}/${info.arch}, locale ${info.locale})\n`);
  out.write('Backends (best first):\n');
  for (const b of info.backends) {
    out.write(`  ${b.available ? 'yes' : 'no '}  ${b.name.padEnd(15)} ${b.reason}\n`);
  }
  out.write('Training kernels (models without batch normalization, on the wasm and cpu backends):\n');
  out.write(`  ${info.kernels.available ? 'yes' : 'no '}  ${'wasm-simd'.padEnd(15)} ${info.kernels.reason}\n`);
  return 0;
}
