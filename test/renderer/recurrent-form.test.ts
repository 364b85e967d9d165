// The Train form with recurrent presets: a recurrent preset goes through the form unchanged (cell, hidden,
// forget-gate bias, sequence length and clipping kept), and bad recurrent values are named on their own field
// in English and Japanese, the memory refusal with its figure.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, PROBE_EVERY_DEFAULT } from '../../electron/common/config';
import { getPreset, PRESETS } from '../../electron/common/presets';
import { draftFromConfig, draftToInput, validateDraft } from '../../renderer/src/views/train/config-form';

describe('recurrent settings in the Train form', () => {
  it.each(PRESETS.filter((p) => p.config.recurrent).map((p) => p.id))('%s survives the form unchanged', (id) => {
    const preset = getPreset(id)!;
    // The form states the layer-probe setting it shows (its default, for a preset that leaves it out).
    const shown = { ...preset.config, training: { ...preset.config.training, probeEvery: preset.config.training.probeEvery ?? PROBE_EVERY_DEFAULT } };
    expect(ExperimentConfigSchema.parse(draftToInput(draftFromConfig(preset.config)))).toEqual(shown);
  });

  it('names the field of a bad hidden size, length or forget-gate bias, in both languages', () => {
    const draft = { ...draftFromConfig(getPreset('adding-lstm')!.config), hidden: 0, length: 5, forgetBias: Number.NaN };
    const en = validateDraft(draft, 'en');
    expect(en.config).toBeNull();
    expect(en.errors.hidden).toMatch(/hidden must be at least 1/);
    expect(en.errors.length).toMatch(/length must be at least 10/);
    expect(en.errors.forgetBias).toMatch(/forgetBias/);
    const ja = validateDraft(draft, 'ja');
    expect(ja.errors.hidden).toBe('1 以上にしてください');
    expect(ja.errors.length).toBe('10 以上にしてください');
  });

  it('refuses a recurrent model too large for memory on the hidden field, with the figure', () => {
    const draft = { ...draftFromConfig(getPreset('adding-gru')!.config), hidden: 1024, length: 400, batchSize: 2000 };
    expect(validateDraft(draft, 'en').errors.hidden).toMatch(/would keep 31250 MiB .* more than the 1024 MiB allowed/);
    expect(validateDraft(draft, 'ja').errors.hidden).toMatch(/31250 MiB のメモリが必要で、上限 1024 MiB を超えます/);
  });

  it('asks for a recurrent model when the adding problem is picked without one', () => {
    const draft = { ...draftFromConfig(getPreset('adding-gru')!.config), cell: 'none' as const };
    expect(validateDraft(draft, 'en').errors.cell).toMatch(/needs a recurrent model/);
    expect(validateDraft(draft, 'ja').errors.cell).toBe('加算問題には再帰型のモデルが必要です');
  });
});

describe('the W_h spectral radius in the Train form', () => {
  it('keeps a preset’s radius, leaves it out when emptied, and names a bad one in both languages', () => {
    const preset = getPreset('zero2-ch6-rnn-explode')!.config;
    const draft = draftFromConfig(preset);
    expect(draft.recurrentRadius).toBe(1.76);
    const emptied = ExperimentConfigSchema.parse(draftToInput({ ...draft, recurrentRadius: null }));
    expect(emptied.recurrent!.recurrentRadius).toBeUndefined();
    expect(draftFromConfig(getPreset('adding-rnn')!.config).recurrentRadius).toBeNull();
    const bad = { ...draft, recurrentRadius: 50 };
    expect(validateDraft(bad, 'en').errors.recurrentRadius).toMatch(/recurrentRadius must be at most 10/);
    expect(validateDraft(bad, 'ja').errors.recurrentRadius).toBe('10 以下にしてください');
  });
});
