// The `gradient-lab` command line: the same service and database as the desktop app, without a window.
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { createNodeLab } from '../service/node-lab';
import { infoCommand } from './commands/info';
import { serveCommand } from './commands/serve';
import { rendererDir } from './paths';

const HELP = `Gradient Lab ${pkg.version} — see the vanishing-gradient problem and its cures.

Usage: gradient-lab <command> [options]

Commands:
  info [--json]                 version, platform and which training backends work here
  serve [--port N] [--host H]   browser mode on 127.0.0.1 (port 0 = any free port); prints the URL
                                with its access token as the first line, serves until Ctrl-C

Options:
  -h, --help                    show this help
  -v, --version                 show the version
`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values.version) {
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  const lab = createNodeLab({ version: pkg.version, host: command === 'serve' ? 'web' : 'cli', entryUrl: import.meta.url });
  try {
    switch (command) {
      case 'info':
        return await infoCommand(lab, values.json ?? false, process.stdout);
      case 'serve': {
        const port = Number(values.port ?? '0');
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port must be an integer from 0 to 65535 (got "${values.port}")`);
        }
        return await serveCommand(lab, { port, host: values.host, rendererDir: rendererDir(import.meta.url) }, process.stdout);
      }
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
        return 1;
    }
  } finally {
    await lab.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gradient-lab: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
