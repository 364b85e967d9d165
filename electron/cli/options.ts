// The command-line flags of every command, in one place, and the context a command runs with.
import { parseArgs } from 'node:util';
import type { NodeLab } from '../service/node-lab';
import { CONFIG_OPTIONS } from './config-flags';

export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  preset: { type: 'string' },
  epochs: { type: 'string' },
  'train-size': { type: 'string' },
  'test-size': { type: 'string' },
  backend: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string' },
  output: { type: 'string', short: 'o' },
  status: { type: 'string' },
  tag: { type: 'string' },
  text: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  table: { type: 'string' },
  ...CONFIG_OPTIONS,
  grid: { type: 'string', multiple: true },
} as const;

export function parseCli(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
}

export type CliValues = ReturnType<typeof parseCli>['values'];

export interface CliContext {
  lab: NodeLab;
  /** Positionals after the command name. */
  args: string[];
  opts: CliValues;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
}
