// The grid of a sweep, shared by the CLI and the Train view: every combination once, bounded, each point a
// checked config named from what differs, and a total time that grows with the work the grid asks for.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING_RATE,
  RUN_OVERHEAD_SEC,
  GridPointError,
  applyGridPoint,
  estimateRunSeconds,
  expandGrid,
  gridProblem,
  gridProblemText,
  gridRuns,
  gridSize,
  parameterCount,
  parseGrid,
  splitValues,
  trainingRate,
} from '../../electron/common/grid';
import { RUN_LIMITS } from '../../electron/common/runs';
import { getPreset } from '../../electron/common/presets';

const base = getPreset('seed-relu-he')!.config;

describe('grid expansion', () => {
  it('gives every combination exactly once, the first axis varying slowest', () => {
    const axes = parseGrid(['lr=0.001,0.01', 'init=heNormal,glorotUniform', 'seed=1,2,3']);
    const points = expandGrid(axes);
    expect(gridSize(axes)).toBe(12);
    expect(points).toHaveLength(12);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(12);
    expect(points[0]).toEqual({ lr: '0.001', init: 'heNormal', seed: '1' });
    expect(points[1]).toEqual({ lr: '0.001', init: 'heNormal', seed: '2' });
    expect(points[11]).toEqual({ lr: '0.01', init: 'glorotUniform', seed: '3' });
    expect(expandGrid([])).toEqual([]);
  });

  it('reads values once each, trimmed, in the order typed', () => {
    expect(splitValues(' 0.1, 0.01,,0.1 ,1e-3')).toEqual(['0.1', '0.01', '1e-3']);
  });

  it('refuses an empty, repeated, unknown-valued or too large grid, saying what to change', () => {
    expect(gridProblem([])).toEqual({ kind: 'no-axes' });
    expect(gridProblem([{ key: 'seed', values: [] }])).toEqual({ kind: 'empty-axis', key: 'seed' });
    expect(gridProblem([{ key: 'seed', values: ['1'] }, { key: 'seed', values: ['2'] }])).toEqual({ kind: 'repeated-key', key: 'seed' });
    expect(gridProblem([{ key: 'seed', values: ['1.5'] }])).toEqual({ kind: 'bad-value', key: 'seed', value: '1.5' });
    expect(gridProblem([{ key: 'lr', values: ['-1'] }])).toEqual({ kind: 'bad-value', key: 'lr', value: '-1' });
    expect(gridProblem([{ key: 'depth', values: ['2', '99'] }])).toEqual({ kind: 'out-of-range', key: 'depth', value: '99', min: 1, max: 50 });
    expect(gridProblem([{ key: 'init', values: ['zeros'] }])).toEqual({ kind: 'bad-value', key: 'init', value: 'zeros' });
    expect(gridProblem([{ key: 'batch-norm', values: ['yes'] }])).toEqual({ kind: 'bad-value', key: 'batch-norm', value: 'yes' });
    // The app's bound is one comparison: 3 × 3 = 9 is one too many; 2 × 4 = 8 fits.
    const nine = [{ key: 'seed' as const, values: ['1', '2', '3'] }, { key: 'lr' as const, values: ['0.1', '0.01', '0.001'] }];
    expect(gridProblem(nine, RUN_LIMITS.compareMax)).toEqual({ kind: 'too-many', total: 9, max: 8 });
    expect(gridProblem([{ key: 'seed', values: ['1', '2'] }, { key: 'lr', values: ['1', '2', '3', '4'] }], RUN_LIMITS.compareMax)).toBeNull();
    expect(gridProblemText({ kind: 'bad-value', key: 'init', value: 'zeros' })).toMatch(/^--grid init takes one of randomNormal, .*\(got "zeros"\)$/);
    expect(() => parseGrid(['speed=1,2'])).toThrow(/KEY one of lr, init/);
    expect(() => parseGrid(['seed=1,2,3,4,5,6,7,8', 'lr=1,2,3,4,5,6,7,8,9'])).toThrow('the grid has 72 points; a sweep runs at most 64');
  });
});

describe('grid points as runs', () => {
  it('sets each key on the base config and checks the result with the schema', () => {
    const c = applyGridPoint(base, { lr: '0.05', init: 'randomNormal', activation: 'tanh', optimizer: 'sgd', seed: '7', depth: '3', width: '16', 'batch-size': '32', epochs: '2', 'batch-norm': 'true', residual: 'false' });
    expect(c.optimizer).toEqual({ kind: 'sgd', learningRate: 0.05 });
    expect(c.model).toMatchObject({ depth: 3, width: 16, activation: 'tanh', initializer: { kind: 'randomNormal', mean: 0, std: 0.05 }, batchNorm: true, residual: false });
    expect(c.training).toMatchObject({ seed: 7, batchSize: 32, epochs: 2 });
    // The base's own initializer keeps its parameters.
    const tutorial = getPreset('seed-keras')!.config;
    expect(applyGridPoint(tutorial, { init: 'randomNormal' }).model.initializer).toEqual({ kind: 'randomNormal', mean: 1, std: 1 });
    // The base is not changed.
    expect(base.optimizer.learningRate).toBe(0.001);
    // Explicit widths become a uniform stack when depth is swept.
    expect(applyGridPoint({ ...base, model: { ...base.model, widths: [64, 32] } }, { depth: '4' }).model).toMatchObject({ depth: 4, width: 64 });
    expect(() => applyGridPoint(base, { depth: '99' })).toThrow('grid point depth=99: model.depth: depth must be at most 50 (allowed 1–50)');
    expect(() => applyGridPoint(base, { seed: 'x' })).toThrow('--grid seed takes a whole number (got "x")');
    // A refused point carries the point and the schema's issues, for a message in the user's language.
    const refused = (() => {
      try {
        applyGridPoint({ ...base, dataset: { kind: 'toy-mortgage' } }, { 'batch-size': '1000' });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(GridPointError);
    expect((refused as GridPointError).point).toEqual({ 'batch-size': '1000' });
    expect((refused as GridPointError).issues.map((i) => i.path.join('.'))).toContain('training.batchSize');
  });

  it('names each run from what differs, so the sweep’s runs all tell apart', () => {
    const small = applyGridPoint(base, { epochs: '1' });
    const runs = gridRuns(small, parseGrid(['lr=0.001,0.01', 'init=heNormal,glorotUniform']));
    expect(runs.map((r) => r.request.name)).toEqual([
      'seed-relu-he · 1 epoch',
      'seed-relu-he · Glorot · 1 epoch',
      'seed-relu-he · η=0.01 · 1 epoch',
      'seed-relu-he · Glorot · η=0.01 · 1 epoch',
    ]);
    // Another initializer or learning rate is another experiment: not filed under the preset; a shortened run stays.
    expect(runs.map((r) => r.request.config.preset)).toEqual(['seed-relu-he', undefined, undefined, undefined]);
    // A config with no preset is named from its grid settings alone.
    const { preset: _p, ...custom } = small;
    expect(gridRuns(custom, parseGrid(['seed=1,2'])).map((r) => r.request.name)).toEqual(['seed 1', 'seed 2']);
    // In the language of whoever starts the sweep: no English word in a Japanese name.
    expect(gridRuns(small, parseGrid(['batch-norm=true', 'seed=2']), 'ja').map((r) => r.request.name)).toEqual(['seed-relu-he · +バッチ正規化 · 1 エポック · シード 2']);
    expect(gridRuns(custom, parseGrid(['depth=1,2']), 'ja').map((r) => r.request.name)).toEqual(['1 層', '2 層']);
    expect(gridRuns(custom, parseGrid(['depth=1,2'])).map((r) => r.request.name)).toEqual(['1 layer', '2 layers']);
  });
});

describe('estimated time', () => {
  it('grows with the epochs, the data and the network, and uses a measured speed when there is one', () => {
    const c = applyGridPoint(base, { epochs: '1' });
    // 784·128+128 + 128·10+10 weights and biases for the tutorial's one hidden layer of 128.
    expect(parameterCount(c)).toBe(784 * 128 + 128 + 128 * 10 + 10);
    const one = estimateRunSeconds(c);
    expect(one).toBeCloseTo(RUN_OVERHEAD_SEC + (60000 * parameterCount(c)) / DEFAULT_TRAINING_RATE);
    expect(estimateRunSeconds(applyGridPoint(base, { epochs: '2' })) - RUN_OVERHEAD_SEC).toBeCloseTo(2 * (one - RUN_OVERHEAD_SEC));
    expect(estimateRunSeconds(applyGridPoint(base, { epochs: '1', depth: '4' }))).toBeGreaterThan(one);
    // A run that measured 1000 examples/s on this network takes 60 s an epoch on 60 000 examples.
    const rate = trainingRate(c, 1000)!;
    expect(estimateRunSeconds(c, rate)).toBeCloseTo(RUN_OVERHEAD_SEC + 60);
    expect(trainingRate(c, null)).toBeNull();
    expect(trainingRate(null, 1000)).toBeNull();
  });
});
