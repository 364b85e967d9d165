// "Change one thing" changes exactly one setting, and the workshop presets are one step from the tutorial.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { ONE_CHANGES, applyOneChange, changesSomething } from '../../electron/common/one-change';
import { getPreset, PRESETS } from '../../electron/common/presets';
import { changesFrom, customRunName } from '../../electron/common/run-naming';

const keras = getPreset('seed-keras')!;

describe('change one thing', () => {
  it('changes exactly one setting of the run, and names the run for it', () => {
    for (const change of ONE_CHANGES) {
      const c = applyOneChange(keras.config, change);
      expect(ExperimentConfigSchema.safeParse(c).success, change).toBe(true);
      expect(changesFrom(c, keras.config), change).toHaveLength(1);
    }
    expect(customRunName(applyOneChange(keras.config, 'relu'), keras)).toBe('seed-keras · ReLU');
    expect(customRunName(applyOneChange(keras.config, 'he'), keras)).toBe('seed-keras · He');
    expect(customRunName(applyOneChange(keras.config, 'batchNorm'), keras)).toBe('seed-keras · +batch norm');
    expect(changesSomething(getPreset('seed-batchnorm')!.config, 'batchNorm')).toBe(false);
    expect(changesSomething(getPreset('deep-sigmoid')!.config, 'glorot')).toBe(false);
  });

  it('offers ReLU alone and a residual variant of the tutorial as presets, each one step from it', () => {
    expect(changesFrom(getPreset('seed-relu')!.config, keras.config).map((d) => d.label)).toEqual(['ReLU']);
    expect(changesFrom(getPreset('seed-residual')!.config, keras.config).map((d) => d.label)).toEqual(['3 layers', '+residual']);
    for (const p of PRESETS) expect(ExperimentConfigSchema.safeParse(p.config).success, p.id).toBe(true);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});
