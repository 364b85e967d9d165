// CLI parity for an instructor preparing on a remote machine: `run --config FILE.json` and a flag for every
// config field, named errors from the shared schema, flags checked per command, and a grid `sweep` whose runs
// are saved, named from what differs, and listed with the compare command for them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromCli } from '../../electron/cli/config-flags';
import { expandGrid, parseGrid } from '../../electron/common/grid';
import { runRequest } from '../../electron/common/run-naming';
import type { RunDetail, RunSummary } from '../../electron/common/runs';
import { tempDir } from '../store/store-fixture';
import { cli, cliJson } from './cli-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('config flags', () => {
  it('set every config field on top of a preset; an edited network is no longer filed under the preset', () => {
    const c = configFromCli({
      preset: 'deep-sigmoid', depth: '4', width: '32', activation: 'tanh', init: 'lecunNormal', 'batch-norm': true, residual: true,
      optimizer: 'sgd', lr: '0.05', 'batch-size': '32', epochs: '2', seed: '7', 'train-size': '500', 'test-size': '100',
      'stats-every': '2', 'histogram-every': '0', backend: 'cpu',
    });
    expect(c.model).toEqual({ depth: 4, width: 32, activation: 'tanh', initializer: { kind: 'lecunNormal' }, batchNorm: true, residual: true });
    expect(c.optimizer).toEqual({ kind: 'sgd', learningRate: 0.05 });
    expect(c.training).toEqual({ epochs: 2, batchSize: 32, seed: 7, statsEvery: 2, histogramEvery: 0 });
    expect(c.dataset).toEqual({ kind: 'mnist', trainSize: 500, testSize: 100 });
    expect(c.backend).toBe('cpu');
    expect(runRequest(c).config.preset).toBeUndefined();
    expect(runRequest(c).name).toBe('deep-sigmoid · MNIST 500/100 · 4×32 · tanh · LeCun · +batch norm · +residual · SGD · η=0.05 · 2 epochs · batch 32 · seed 7');
    // Fewer epochs and less data keep the preset: that is how a class shortens it.
    expect(runRequest(configFromCli({ preset: 'seed-he', epochs: '1', 'train-size': '300' }))).toMatchObject({ config: { preset: 'seed-he' }, name: 'seed-he · MNIST 300/10000 · 1 epoch' });
    expect(configFromCli({ preset: 'seed-he', widths: '64,32', init: 'randomNormal', 'init-mean': '1', 'init-std': '2' }).model).toMatchObject({ widths: [64, 32], initializer: { kind: 'randomNormal', mean: 1, std: 2 } });
    expect(configFromCli({ preset: 'seed-he', dataset: 'toy-mortgage' }).dataset).toEqual({ kind: 'toy-mortgage' });
  });

  it('names the field of every bad value', () => {
    expect(() => configFromCli({ preset: 'seed-he', depth: '99' })).toThrow('model.depth: depth must be at most 50 (allowed 1–50)');
    expect(() => configFromCli({ preset: 'seed-he', activation: 'swish' })).toThrow(/--activation must be one of sigmoid, tanh/);
    expect(() => configFromCli({ preset: 'seed-he', lr: 'fast' })).toThrow('--lr must be a number (got "fast")');
    expect(() => configFromCli({ preset: 'seed-he', 'init-mean': '1' })).toThrow('--init-mean does not apply to the heNormal initializer');
    expect(() => configFromCli({ preset: 'seed-he', 'batch-norm': true, 'no-batch-norm': true })).toThrow(/contradict/);
    expect(() => configFromCli({})).toThrow(/--preset or --config is required/);
  });

  it('reads --config FILE.json, whole or partial, with the flags on top', () => {
    const file = join(tmp.dir, 'exp.json');
    writeFileSync(file, JSON.stringify({ model: { depth: 3, activation: 'elu' }, optimizer: { kind: 'rmsprop', learningRate: 0.01 } }));
    const c = configFromCli({ config: file, epochs: '1' });
    expect(c.model).toMatchObject({ depth: 3, width: 128, activation: 'elu' });
    expect(c.optimizer).toEqual({ kind: 'rmsprop', learningRate: 0.01 });
    expect(c.training.epochs).toBe(1);
    writeFileSync(file, '{"model": {"depth": 0}}');
    expect(() => configFromCli({ config: file })).toThrow('model.depth: depth must be at least 1');
    writeFileSync(file, '{not json');
    expect(() => configFromCli({ config: file })).toThrow(/--config .*exp\.json/);
  });

  it('expands a grid into every combination, bounded', () => {
    const points = expandGrid(parseGrid(['lr=0.001,0.01', 'init=heNormal,glorotUniform', 'seed=1,2']));
    expect(points).toHaveLength(8);
    expect(points[0]).toEqual({ lr: '0.001', init: 'heNormal', seed: '1' });
    expect(() => parseGrid(['speed=1,2'])).toThrow(/KEY one of lr, init/);
    expect(() => parseGrid(['seed=1,2,3,4,5,6,7,8', 'lr=1,2,3,4,5,6,7,8,9'])).toThrow('the grid has 72 points; a sweep runs at most 64');
  });
});

describe('the command line', () => {
  const db = join(tmp.dir, 'lab.db');

  it('refuses a flag that belongs to another command, naming the command’s own', () => {
    const r = cli(['list', '--epochs', '3', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--epochs does not apply to "list" (its options: --text, --status, --preset, --tag, --sort, --limit)');
    expect(cli(['show', '1', '--grid', 'lr=1', '--db', db]).stderr).toContain('--grid does not apply to "show"');
    expect(cli(['--help']).stdout).toContain('sweep (--preset NAME | --config FILE.json) --grid KEY=V1,V2');
  });

  it('runs a config file with flags, and sweeps a grid into named runs with the compare command', () => {
    const file = join(tmp.dir, 'toy.json');
    writeFileSync(file, JSON.stringify({ dataset: { kind: 'toy-mortgage' }, model: { depth: 2, width: 8, activation: 'relu', initializer: { kind: 'heNormal' } } }));
    const run = cli(['run', '--config', file, '--preset', 'seed-keras', '--epochs', '1', '--batch-size', '64', '--optimizer', 'sgd', '--lr', '0.1', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/run 1 "seed-keras · toy set · 2×8 · ReLU · He · SGD · η=0.1 · 1 epoch · batch 64"/);
    const detail = cliJson<RunDetail>(['show', '1', '--db', db]);
    expect(detail.config.preset).toBeUndefined();
    expect(detail.config.optimizer).toEqual({ kind: 'sgd', learningRate: 0.1 });

    const sweep = cli(['sweep', '--preset', 'seed-relu-he', '--dataset', 'toy-mortgage', '--width', '8', '--epochs', '1', '--batch-size', '64',
      '--grid', 'lr=0.001,0.01', '--grid', 'seed=1,2', '--db', db], 300_000);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain('compare them: gradient-lab compare 2 3 4 5');
    const runs = cliJson<{ runs: RunSummary[] }>(['list', '--db', db]).runs.filter((r) => r.id >= 2);
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(runs.map((r) => r.name).sort()).toEqual([
      'seed-relu-he · toy set · width 8 · 1 epoch · batch 64 · seed 1',
      'seed-relu-he · toy set · width 8 · η=0.01 · 1 epoch · batch 64 · seed 1',
      'seed-relu-he · toy set · width 8 · 1 epoch · batch 64 · seed 2',
      'seed-relu-he · toy set · width 8 · η=0.01 · 1 epoch · batch 64 · seed 2',
    ].sort());
  });
});
