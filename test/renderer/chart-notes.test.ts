// Every chart has its ⓘ explanation: the chart names the components give ChartFrame (directly or through
// DistributionChart, ProbeLinesChart and DistributionOverlay) are read from renderer/src, and each must have a
// note in English and Japanese whose Learn link opens a place the Learn view really shows, under the title the
// link names it by.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPLAINED_CHARTS, chartNote, type ChartNote } from '../../renderer/src/charts/chart-notes';
import { setLocale, tComputed } from '../../renderer/src/lib/i18n/i18n.svelte';
import { learnHref, learnTargetOf } from '../../renderer/src/lib/learn-link';
import LearnView from '../../renderer/src/views/learn/LearnView.svelte';
import { englishWordsIn } from '../e2e/latin-words';

const SRC = join(import.meta.dirname, '../../renderer/src');
/** The components that hand their `name` on to ChartFrame. */
const FRAMES = /<(ChartFrame|DistributionChart|ProbeLinesChart|DistributionOverlay)\b/g;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}

/** The chart names used in one component's source: literals, `prefix-${kind}` over kind's union, and defaults. */
function chartNames(source: string, file: string): string[] {
  const names: string[] = [];
  const starts = [...source.matchAll(FRAMES)].map((m) => m.index);
  starts.forEach((start, i) => {
    const tag = source.slice(start, Math.min(starts[i + 1] ?? source.length, start + 1200));
    const attr = /\sname=(?:"([^"]+)"|\{`([^`]+)`\}|\{([^}]*)\})/.exec(tag);
    if (!attr) return; // `{name}` passes on the caller's name: the caller is read too.
    const [, literal, template, expression] = attr;
    if (literal) names.push(literal);
    else if (template) {
      const variable = /\$\{(\w+)\}/.exec(template)?.[1];
      const union = variable ? new RegExp(`\\b${variable}\\??:\\s*((?:'[^']+'\\s*\\|?\\s*)+)`).exec(source)?.[1] : undefined;
      if (!variable || !union) throw new Error(`${file}: cannot expand the chart name \`${template}\``);
      for (const value of union.match(/'([^']+)'/g)!) names.push(template.replace(`\${${variable}}`, value.slice(1, -1)));
    } else names.push(...(expression!.match(/'[a-z0-9]+(?:-[a-z0-9]+)+'/g) ?? []).map((s) => s.slice(1, -1)));
  });
  return names;
}

const USED = [...new Set(svelteFiles(SRC).flatMap((f) => chartNames(readFileSync(f, 'utf8'), f)))].sort();

afterEach(() => {
  setLocale('en');
  window.location.hash = '';
});

describe('chart explanations', () => {
  it('finds the charts of every view in the components', () => {
    for (const name of ['loss-accuracy', 'time-gradient', 'paper-figure', 'paper-activations', 'diag-activations', 'diag-activation-grads', 'compare-ledger', 'compare-update', 'compare-activations', 'compare-update-time'])
      expect(USED).toContain(name);
    expect(USED.length).toBeGreaterThanOrEqual(30);
  });

  it('explains every chart in both languages, and only charts that exist', () => {
    const missing = USED.filter((name) => !chartNote(name));
    expect(missing).toEqual([]);
    expect([...EXPLAINED_CHARTS].sort()).toEqual(USED);
    for (const name of USED) {
      const note = chartNote(name)!;
      setLocale('en');
      const en = tComputed(note.text, '');
      setLocale('ja');
      const ja = tComputed(note.text, '');
      expect(en.length, name).toBeGreaterThan(80);
      expect(ja.length, name).toBeGreaterThan(40);
      expect(ja, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(englishWordsIn(ja), `${name} in Japanese`).toEqual([]);
      expect(tComputed(note.place, ''), name).not.toBe('');
    }
  });

  it('links each chart to a place the Learn view opens, under the title the link gives it', async () => {
    setLocale('ja');
    const notes = new Map<string, ChartNote>(USED.map((name) => [learnHref(chartNote(name)!.learn), chartNote(name)!]));
    expect(notes.size).toBeGreaterThanOrEqual(6);
    for (const [href, note] of notes) {
      expect(learnTargetOf(href), href).toEqual(note.learn);
      window.location.hash = href.slice(1);
      const { container, unmount } = render(LearnView);
      await tick();
      const place = tComputed(note.place);
      if ('step' in note.learn) {
        const panel = container.querySelector(`[data-testid="step-panel-${note.learn.step}"]`);
        expect(panel, href).not.toBeNull();
        expect(panel!.textContent, href).toContain(place);
        expect(container.querySelector(`[data-testid="step-${note.learn.step}"]`)?.getAttribute('aria-pressed'), href).toBe('true');
      } else {
        const heading = container.querySelector(`#learn-${note.learn.section}-title`);
        expect(heading?.closest('section'), href).not.toBeNull();
        expect(heading!.textContent, href).toBe(place);
      }
      unmount();
    }
  });
});
