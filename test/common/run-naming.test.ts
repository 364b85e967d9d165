// Names of experiments: a preset's own config is the preset; an edited one is named from what differs, in the
// order a reader scans a config, and recording settings do not count as a change.
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { customRunName, differencesFrom, isPresetConfig } from '../../electron/common/run-naming';
import { defaultRunName } from '../../electron/store/runs';

const deep = getPreset('deep-sigmoid')!;
const edit = (f: (c: ExperimentConfig) => void): ExperimentConfig => {
  const c = structuredClone(deep.config);
  f(c);
  return c;
};

describe('run naming', () => {
  it('names an edited preset from its changes', () => {
    const c = edit((c) => {
      c.model.activation = 'tanh';
      c.model.initializer = { kind: 'lecunNormal' };
      c.optimizer.kind = 'sgd';
    });
    expect(customRunName(c, deep)).toBe('deep-sigmoid · tanh · LeCun · SGD');
    expect(isPresetConfig(c, deep)).toBe(false);
    expect(defaultRunName(c, 14)).toBe('deep-sigmoid · tanh · LeCun · SGD #14');
    expect(defaultRunName(deep.config, 14)).toBe('deep-sigmoid #14');
  });

  it('says depth, width, batch norm, residual, learning rate and data in short words', () => {
    expect(differencesFrom(edit((c) => (c.model.depth = 12)), deep.config)).toEqual(['12 layers']);
    expect(differencesFrom(edit((c) => (c.model.width = 32)), deep.config)).toEqual(['width 32']);
    expect(differencesFrom(edit((c) => ((c.model.batchNorm = true), (c.model.residual = true))), deep.config)).toEqual(['+batch norm', '+residual']);
    expect(differencesFrom(edit((c) => (c.optimizer.learningRate = 0.1)), deep.config)).toEqual(['η=0.1']);
    expect(differencesFrom(edit((c) => (c.dataset = { kind: 'toy-mortgage' })), deep.config)).toEqual(['toy set']);
  });

  it('does not count recording settings or the backend as a change', () => {
    const c = edit((c) => {
      c.training.statsEvery = 5;
      c.training.histogramEvery = 0;
      c.backend = 'cpu';
    });
    expect(isPresetConfig(c, deep)).toBe(true);
  });
});
