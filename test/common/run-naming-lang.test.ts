// Run names follow the language of whoever starts the run: the app passes its chosen language (日本語 names in
// Japanese words), the CLI and the store name in English; field and value of each change stay the same.
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { changesFrom, customRunName, runRequest } from '../../electron/common/run-naming';
import { presetState, startRequest } from '../../renderer/src/views/train/preset-state';

const seed = getPreset('seed-keras')!;
const deep = getPreset('deep-sigmoid')!;
const edit = (base: ExperimentConfig, f: (c: ExperimentConfig) => void): ExperimentConfig => {
  const c = structuredClone(base);
  f(c);
  return c;
};

describe('run names in the chosen language', () => {
  it('names an edited preset in Japanese words when started under 日本語', () => {
    const c = edit(seed.config, (c) => {
      c.model.batchNorm = true;
      c.model.residual = true;
      c.model.depth = 12;
      c.training.epochs = 3;
      c.training.batchSize = 16;
      c.training.seed = 7;
    });
    expect(customRunName(c, seed, 'ja')).toBe('seed-keras · 12 層 · +バッチ正規化 · +残差接続 · 3 エポック · バッチ 16 · シード 7');
    expect(customRunName(c, seed, 'en')).toBe('seed-keras · 12 layers · +batch norm · +residual · 3 epochs · batch 16 · seed 7');
    // The CLI (no language given) names in English.
    expect(customRunName(c, seed)).toBe(customRunName(c, seed, 'en'));
    expect(runRequest(c).name).toBe(customRunName(c, seed, 'en'));
    expect(runRequest(c, 'ja').name).toBe(customRunName(c, seed, 'ja'));
  });

  it('says option names as Japanese does, and keeps method names as papers print them', () => {
    const ja = (f: (c: ExperimentConfig) => void) => changesFrom(edit(deep.config, f), deep.config, 'ja').map((d) => d.label);
    expect(ja((c) => (c.model.activation = 'relu'))).toEqual(['ReLU']);
    expect(ja((c) => (c.model.activation = 'softplus'))).toEqual(['ソフトプラス']);
    expect(ja((c) => (c.optimizer.kind = 'momentum'))).toEqual(['モメンタム']);
    expect(ja((c) => (c.model.initializer = { kind: 'heUniform' }))).toEqual(['He 一様']);
    expect(ja((c) => (c.model.width = 32))).toEqual(['幅 32']);
    expect(ja((c) => (c.dataset = { kind: 'toy-mortgage' }))).toEqual(['おもちゃデータ']);
    // Field and value do not depend on the language.
    const c = edit(deep.config, (c) => ((c.model.activation = 'tanh'), (c.model.batchNorm = true)));
    const strip = (l: 'en' | 'ja') => changesFrom(c, deep.config, l).map(({ field, value }) => ({ field, value }));
    expect(strip('ja')).toEqual(strip('en'));
  });

  it('Start under 日本語 sends the Japanese name, under English the English one', () => {
    const c = edit(seed.config, (c) => (c.model.batchNorm = true));
    const state = presetState('seed-keras', c);
    expect(startRequest(c, state, 'ja').name).toBe('seed-keras · +バッチ正規化');
    expect(startRequest(c, state, 'en').name).toBe('seed-keras · +batch norm');
    expect(startRequest(seed.config, presetState('seed-keras', seed.config), 'ja').name).toBeUndefined();
  });
});
