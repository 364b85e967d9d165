// Runs the CLI from source (node --import tsx electron/cli/index.ts), so the tests need no build; the trainer
// it forks is the engine's trainer-process.ts, also through tsx.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'electron/cli/index.ts');
const ENV = { ...process.env, GRADIENT_LAB_DB: '', LANG: 'en_US.UTF-8' };

export function cli(args: string[], timeout = 120_000) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, encoding: 'utf8', timeout, env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliJson<T>(args: string[]): T {
  const r = cli([...args, '--json']);
  if (r.code !== 0) throw new Error(`gradient-lab ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A CLI process in the background, with its stdout as parsed JSON lines. */
export function cliBackground(args: string[]): { child: ChildProcess; lines: Record<string, unknown>[]; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  child.stderr!.resume();
  const exit = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, lines, exit };
}
