// Config values and fields in the reader's language: option lists, the settings diff, the History table and
// default run names ("deep-sigmoid #14" is shown as the preset's name in the chosen language).
import type { Initializer } from '../../../../electron/common/config';
import { getPreset } from '../../../../electron/common/presets';
import { i18n, t, tComputed } from './i18n.svelte';

export const activationLabel = (a: string): string => tComputed(`option.activation.${a}`, a);
export const initializerKindLabel = (k: string): string => tComputed(`option.initializer.${k}`, k);
export const optimizerLabel = (o: string): string => tComputed(`option.optimizer.${o}`, o);

/** "N(1, 1)" and "U(-0.05, 0.05)" carry their parameters; the others are named. */
export function initializerLabel(init: Initializer): string {
  if (init.kind === 'randomNormal') return `N(${init.mean}, ${init.std})`;
  if (init.kind === 'randomUniform') return `U(${init.min}, ${init.max})`;
  return initializerKindLabel(init.kind);
}

/** A dotted config field of the settings diff ("model.activation") in words. */
export function diffFieldLabel(field: string): string {
  return tComputed(`option.field.${field}`, field);
}

/** A diff value (JSON text) in words: booleans as yes/no, option names by their labels, presets by name. */
export function diffValueLabel(field: string, json: string): string {
  if (json === '—') return json;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof v === 'boolean') return tComputed(`option.bool.${v}`);
  if (typeof v !== 'string') return Array.isArray(v) ? v.join(', ') : json;
  switch (field) {
    case 'model.activation': return activationLabel(v);
    case 'model.initializer.kind': return initializerKindLabel(v);
    case 'optimizer.kind': return optimizerLabel(v);
    case 'dataset.kind': return tComputed(`option.dataset.${v}`, v);
    case 'preset': return getPreset(v)?.name[i18n.locale] ?? v;
    default: return v;
  }
}

/**
 * A run's name as shown: a default name the store gave ("deep-sigmoid #14", "custom #3") in the chosen
 * language, and the preset of a name made from settings named in Japanese under 日本語; a name a person typed
 * as it is. An imported copy keeps its original's
 * name, so it is marked with its own id ("seed-keras #3 (imported as #12)").
 */
export function runDisplayName(name: string, id: number, preset: string | null, origin: string | null = null): string {
  const base = localName(name, id, preset);
  return origin ? `${base} ${t('option.run.imported', { id })}` : base;
}

/** A change from the preset as the reader's language says it: the run name's short label in English, "field：value" in Japanese. */
export function changeLabel(c: { field: string; value: unknown; label: string }): string {
  if (i18n.locale === 'en') return c.label;
  const value = c.field === 'model.initializer' || c.field === 'dataset.trainSize' ? c.label : diffValueLabel(c.field, JSON.stringify(c.value));
  return `${diffFieldLabel(c.field === 'model.initializer' ? 'model.initializer.kind' : c.field)}：${value}`;
}

/** Where an imported run came from ("runs.json.gz (run 3)"), the run number in the chosen language. */
export function originLabel(origin: string): string {
  return origin.replace(/ \(run (\d+)\)$/, (_, n: string) => ` ${t('option.origin.run', { n })}`);
}

function localName(name: string, id: number, preset: string | null): string {
  if (name === `custom #${id}`) return `${tComputed('option.run.custom')} #${id}`;
  const p = preset ? getPreset(preset) : undefined;
  if (p && name === `${p.id} #${id}`) return `${p.name[i18n.locale]} #${id}`;
  // A default name given under another id (the original of an imported copy).
  const m = /^([\w-]+) #(\d+)$/.exec(name);
  const q = m ? getPreset(m[1]!) : undefined;
  if (q && m) return `${q.name[i18n.locale]} #${m[2]}`;
  // A name made from settings starts with its preset's id ("papers-glorot-tanh-standard · MNIST 1100/100"):
  // under 日本語 the preset's Japanese name stands in for the id; the rest was made in the starter's language.
  const made = i18n.locale === 'ja' ? /^([\w-]+)( · .+)$/.exec(name) : null;
  const r = made ? getPreset(made[1]!) : undefined;
  if (r && made) return `${r.name.ja}${made[2]}`;
  return name;
}
