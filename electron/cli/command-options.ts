// Which flags each command takes: a flag that belongs to another command is an error naming the command's own
// flags, rather than being silently ignored (`list --epochs 3` says so).
import { LabError } from '../common/result';
import { CONFIG_OPTIONS } from './config-flags';

const GLOBAL = ['help', 'version', 'json', 'db'];
const CONFIG = [...Object.keys(CONFIG_OPTIONS), 'preset', 'epochs', 'train-size', 'test-size', 'backend', 'seed'];

export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  presets: [],
  run: [...CONFIG, 'name'],
  sweep: [...CONFIG, 'grid', 'name'],
  list: ['text', 'status', 'preset', 'tag', 'sort', 'limit'],
  show: [],
  compare: [],
  export: ['output'],
  import: [],
  csv: ['table', 'output'],
  delete: [],
  info: [],
  serve: ['port', 'host'],
};

/** Throws when a flag given does not belong to `command` (unknown commands are refused elsewhere). */
export function checkCommandOptions(command: string, values: Record<string, unknown>): void {
  const own = COMMAND_OPTIONS[command];
  if (!own) return;
  const allowed = new Set([...GLOBAL, ...own]);
  const stray = Object.keys(values).filter((k) => values[k] !== undefined && !allowed.has(k));
  if (stray.length === 0) return;
  const list = own.length ? own.map((o) => `--${o}`).join(', ') : 'none besides --db, --json';
  throw new LabError('ValidationError', `${stray.map((s) => `--${s}`).join(', ')} ${stray.length > 1 ? 'do' : 'does'} not apply to "${command}" (its options: ${list})`);
}
