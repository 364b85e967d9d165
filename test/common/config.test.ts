// Bad experiment configs are refused before any process starts, with a message that names the field (and the
// allowed range where there is one); every preset is a valid config and the seed preset is the seed program.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfigInput } from '../../electron/common/config';
import { getPreset, PRESETS } from '../../electron/common/presets';
import { parseOrThrow, ValidationError } from '../../electron/common/validation';

const base = (): ExperimentConfigInput => structuredClone(getPreset('seed-keras')!.config);
const parse = (c: unknown) => parseOrThrow(ExperimentConfigSchema, c, 'config');

function rejects(mutate: (c: ExperimentConfigInput & Record<string, unknown>) => void, field: string, detail?: RegExp): void {
  const c = base() as ExperimentConfigInput & Record<string, unknown>;
  mutate(c);
  let error: unknown;
  try {
    parse(c);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  const message = (error as Error).message;
  expect(message).toContain(field);
  if (detail) expect(message).toMatch(detail);
}

describe('experiment config validation', () => {
  it('accepts every preset as it stands', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'seed-keras',
      'seed-he',
      'seed-relu-he',
      'seed-batchnorm',
      'deep-sigmoid',
      'deep-relu-he',
      'deep-batchnorm',
      'deep-residual',
      'seed-relu',
      'seed-residual',
      'explode-relu',
      'explode-relu-clip',
      'explode-tanh',
      'nielsen-ch5',
      'zero-ch6-std1',
      'zero-ch6-std001',
      'zero-ch6-xavier',
      'zero-ch6-he-relu',
      'zero-ch6-compare-std001',
      'zero-ch6-compare-xavier',
      'zero-ch6-compare-he',
      'makemore3-bn-tanh',
      'zero2-ch6-rnn-explode',
      'zero2-ch6-rnn-vanish',
      'zero2-ch6-rnn-clip',
      'adding-rnn',
      'adding-irnn',
      'adding-lstm',
      'adding-lstm-bias0',
      'adding-gru',
      'mnist-rows-rnn',
      'mnist-rows-irnn',
      'mnist-rows-lstm',
      'mnist-rows-gru',
      'papers-glorot-sigmoid',
      'papers-glorot-tanh-standard',
      'papers-glorot-tanh-xavier',
      'papers-he-xavier',
      'papers-he-he',
      'papers-ioffe-plain',
      'papers-ioffe-bn',
      'papers-klambauer-selu',
      'papers-bengio-rnn',
      'papers-pascanu-noclip',
      'papers-pascanu-clip',
    ]);
    for (const p of PRESETS) {
      expect(parse(p.config)).toEqual(p.config);
      expect(p.description.ja.length).toBeGreaterThan(20);
      expect(p.description.en.length).toBeGreaterThan(20);
    }
  });

  it('keeps seed-keras identical to the tutorial program', () => {
    const c = getPreset('seed-keras')!.config;
    expect(c.model).toMatchObject({ depth: 1, width: 128, activation: 'sigmoid', initializer: { kind: 'randomNormal', mean: 1, std: 1 }, batchNorm: false });
    expect(c.optimizer).toEqual({ kind: 'adam', learningRate: 1e-3 });
    expect(c.training).toMatchObject({ epochs: 10, batchSize: 128, statsEvery: 1 });
    expect(c.dataset).toEqual({ kind: 'mnist', trainSize: 60000, testSize: 10000 });
  });

  it('refuses depth 0 and names the allowed range', () => rejects((c) => (c.model.depth = 0), 'config.model.depth', /1–50/));
  it('refuses a width of 10⁶', () => rejects((c) => (c.model.width = 1e6), 'config.model.width', /at most 2048/));
  it('refuses a learning rate of 0 or below', () => {
    rejects((c) => (c.optimizer.learningRate = 0), 'config.optimizer.learningRate', /greater than 0/);
    rejects((c) => (c.optimizer.learningRate = -1), 'config.optimizer.learningRate');
  });
  it('refuses a batch larger than the training set', () =>
    rejects((c) => (c.dataset = { kind: 'mnist', trainSize: 100, testSize: 100 }), 'config.training.batchSize', /exceed the training set size \(100\)/));
  it('refuses an unknown activation', () => rejects((c) => ((c.model as Record<string, unknown>).activation = 'swishy'), 'config.model.activation'));
  it('refuses NaN', () => {
    rejects((c) => (c.training.epochs = NaN), 'config.training.epochs');
    rejects((c) => (c.optimizer.learningRate = NaN), 'config.optimizer.learningRate');
  });
  it('refuses an empty dataset folder name', () => rejects((c) => (c.dataset = { kind: 'idx-folder', folder: '' }), 'config.dataset.folder'));
});
