// The `gradient-lab` command line: the same service and database as the desktop app, without a window.
import pkg from '../../package.json';
import { createNodeLab, systemLocale } from '../service/node-lab';
import { csvCommand, exportCommand, importCommand } from './commands/bundles';
import { compareCommand } from './commands/compare';
import { infoCommand } from './commands/info';
import { presetsCommand } from './commands/presets';
import { runCommand } from './commands/run';
import { deleteCommand, listCommand, showCommand } from './commands/runs';
import { serveCommand } from './commands/serve';
import { sweepCommand } from './commands/sweep';
import { checkCommandOptions } from './command-options';
import { CONFIG_HELP } from './config-flags';
import { parseCli, type CliContext } from './options';
import { rendererDir } from './paths';

const HELP = `Gradient Lab ${pkg.version} — see the vanishing-gradient problem and its cures.

Usage: gradient-lab <command> [options]

Commands:
  presets [--json]              the ready-made experiments and what each one shows
  run (--preset NAME | --config FILE.json) [config flags] [--name S] [--json]
                                train one experiment; the run is saved as it trains and its id printed first.
                                Progress bar with ETA on stderr; one line per epoch on stdout (with --json,
                                one JSON object per line ending with {"type":"done"|"stopped"|"diverged"|"failed"}).
                                Ctrl-C stops the run cleanly. Exit code: 0 done, 1 failed, 2 diverged, 130 stopped
  sweep (--preset NAME | --config FILE.json) --grid KEY=V1,V2 [--grid ...] [config flags] [--json]
                                one run per grid point (KEY: lr, init, activation, optimizer, seed, depth, width,
                                batch-size, epochs, batch-norm, residual), queued at once; prints their outcomes
                                and the compare command for them
  list [--text S] [--status S] [--preset NAME] [--tag T] [--sort [-]FIELD] [--limit N] [--json]
                                saved runs, newest first (FIELD: created, name, status, testAcc, duration, preset;
                                a leading - sorts descending)
  show ID [--json]              one run: config, outcome, epochs, gradients at the last step
  compare ID ID... [--json]     2 to 8 runs side by side, and the config fields that differ
  export ID... [-o FILE]        save runs with all their series to one bundle file (gzip JSON)
  import FILE                   add the runs of a bundle file under new ids (checked completely first)
  csv ID [--table steps|epochs|probes|time] [-o FILE]
                                one run's step series (per-layer statistics as columns), epochs, layer probes or
                                (recurrent runs) ‖∂E/∂h_t‖ per time step as CSV
  delete ID...                  delete saved runs (a running run must be stopped first)
  info [--json]                 version, platform and which training backends work here
  serve [--port N] [--host H]   browser mode on 127.0.0.1 (port 0 = any free port); prints the URL
                                with its access token as the first line, serves until Ctrl-C

${CONFIG_HELP}

Options (each command accepts only its own, plus these):
  --db FILE                     the database of saved runs (default: $GRADIENT_LAB_DB, else the app's
                                user-data folder, shared with the desktop app)
  --json                        machine-readable output
  -h, --help                    show this help
  -v, --version                 show the version
`;

type Command = (ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  sweep: sweepCommand,
  list: listCommand,
  show: showCommand,
  compare: compareCommand,
  export: exportCommand,
  import: importCommand,
  csv: csvCommand,
  delete: deleteCommand,
  info: (c) => infoCommand(c.lab, c.opts.json ?? false, c.out),
  serve: (c) => {
    const port = Number(c.opts.port ?? '0');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be an integer from 0 to 65535 (got "${c.opts.port}")`);
    }
    return serveCommand(c.lab, { port, host: c.opts.host, rendererDir: rendererDir(import.meta.url) }, c.out);
  },
};

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv);
  const [command, ...args] = positionals;
  if (values.version) {
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  checkCommandOptions(command, values);
  if (command === 'presets') return presetsCommand(values.json ?? false, systemLocale(), process.stdout);
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 1;
  }
  const lab = createNodeLab({ version: pkg.version, host: command === 'serve' ? 'web' : 'cli', entryUrl: import.meta.url, db: values.db });
  try {
    return await run({ lab, args, opts: values, out: process.stdout, err: process.stderr });
  } finally {
    await lab.close();
  }
}

// `gradient-lab list | head`: a closed pipe ends the command quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gradient-lab: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
