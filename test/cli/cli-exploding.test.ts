// The exploding presets from the command line, over a real database and real trainer processes: the deep ReLU
// preset exits with the diverged code and `show` names the step it diverged at; the clipping remedy completes and
// `show` says how many steps were clipped; the step CSV carries the norms before and after clipping.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../electron/common/runs';
import { tempDir } from '../store/store-fixture';
import { cli } from './cli-fixture';

const tmp = tempDir();
const db = join(tmp.dir, 'cli.db');
afterAll(() => tmp.cleanup());

describe('gradient-lab run with the exploding presets', () => {
  it('a diverging preset exits 2 and show names its step', () => {
    const r = cli(['run', '--preset', 'explode-relu', '--epochs', '1', '--train-size', '2000', '--test-size', '100', '--db', db, '--json']);
    expect(r.code).toBe(2);
    const end = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { type: string; runId: number; error?: string; message?: string };
    expect(end.type).toBe('diverged');
    const step = Number(/at step (\d+)/.exec(r.stdout)![1]);
    const show = cli(['show', String(end.runId), '--db', db]);
    expect(show.stdout).toMatch(new RegExp(`^  diverged    at step ${step}$`, 'm'));
    expect(show.stdout).toMatch(/^  steps       (\d+) recorded$/m);
    expect(Number(/steps {7}(\d+) recorded/.exec(show.stdout)![1])).toBe(step);
  });

  it('the clipping remedy completes; show and csv report the clipping', () => {
    const r = cli(['run', '--preset', 'explode-relu-clip', '--epochs', '1', '--train-size', '3000', '--test-size', '100', '--db', db]);
    expect(r.code).toBe(0);
    const show = cli(['show', '2', '--db', db]);
    expect(show.stdout).toContain('gradient clipped by norm at 5');
    const [, n, total] = /^  clipped     (\d+) of (\d+) steps$/m.exec(show.stdout)!;
    expect(Number(total)).toBe(24);
    expect(Number(n)).toBeGreaterThan(0);
    const csv = cli(['csv', '2', '--db', db]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]!.split(',').slice(-3)).toEqual(['gradNorm', 'clippedGradNorm', 'clipped']);
    expect(lines).toHaveLength(25);
    const clippedRows = lines.slice(1).filter((l) => l.endsWith(',1')).length;
    expect(clippedRows).toBe(Number(n));
  });

  it('list shows the diverged step in the status and the clipped steps in their own column', () => {
    const show1 = cli(['show', '1', '--db', db]).stdout;
    const step = /^  diverged    at step (\d+)$/m.exec(show1)![1];
    const [, n] = /^  clipped     (\d+) of 24 steps$/m.exec(cli(['show', '2', '--db', db]).stdout)!;
    const list = cli(['list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/CREATED \(UTC\)\s+CLIPPED$/);
    expect(list.stdout).toMatch(new RegExp(`^1\\s+.*\\sdiverged @${step}\\s+explode-relu\\s.*\\s—$`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^2\\s+.*\\scompleted\\s+explode-relu-clip\\s.*\\s${n}/24$`, 'm'));
    const json = JSON.parse(cli(['list', '--json', '--db', db]).stdout) as { runs: RunSummary[] };
    expect(json.runs.find((r) => r.id === 2)!.clipping).toEqual({ clippedSteps: Number(n), steps: 24 });
    expect(json.runs.find((r) => r.id === 1)!.clipping).toBeUndefined();
  });
});
