// `gradient-lab serve`: browser mode on loopback. The first line of stdout is the full URL with its token.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeLab } from '../../service/node-lab';
import { startWebHost } from '../../web/web-host';

export async function serveCommand(
  lab: NodeLab,
  options: { port: number; host?: string; rendererDir: string },
  out: NodeJS.WritableStream,
): Promise<number> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${options.rendererDir} has no index.html). Run "npm run build" first.`);
  }
  const host = await startWebHost({
    dispatch: lab.dispatch,
    subscribe: (l) => lab.service.onEvent(l),
    rendererDir: options.rendererDir,
    port: options.port,
    host: options.host,
  });
  out.write(host.url + '\n');
  process.stderr.write(`Gradient Lab is serving on ${host.url}\nOpen it in a browser; press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}
