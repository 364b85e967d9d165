// Whether the settings on screen are still the preset they started from. As soon as one setting that changes
// the experiment differs, the run is "Custom": it is not filed under the preset and is named from its changes.
import type { ExperimentConfig } from '../../../../electron/common/config';
import { getPreset, type Preset } from '../../../../electron/common/presets';
import { changesFrom, customRunName, keepsPreset, type Change, type NameLang } from '../../../../electron/common/run-naming';

export interface PresetState {
  /** The preset the settings started from, if any. */
  base: Preset | undefined;
  /** What differs from it (empty: still the preset; null: the settings are not valid yet). */
  changes: Change[] | null;
}

export function presetState(baseId: string | undefined, config: ExperimentConfig | null): PresetState {
  const base = baseId ? getPreset(baseId) : undefined;
  if (!base) return { base, changes: [] };
  return { base, changes: config ? changesFrom(config, base.config) : null };
}

/** What Start sends: the preset's own config filed under it, or an edited one named from its changes in `lang`. */
export function startRequest(config: ExperimentConfig, state: PresetState, lang: NameLang = 'en'): { config: ExperimentConfig; name?: string } {
  if (!state.base || !state.changes?.length) return { config };
  const name = customRunName(config, state.base, lang);
  // A shortened preset (less data, fewer epochs, another seed) stays filed under it; any other change does not.
  if (keepsPreset(config, state.base)) return { config, name };
  const { preset: _dropped, ...rest } = config;
  return { config: rest, name };
}
