// Message keys and their parameters are typed from the message modules: the `@ts-expect-error` lines below make
// the typecheck fail if a misspelt key, a missing parameter or an unknown one were ever accepted. At run time:
// every Japanese text uses exactly the placeholders of its English text, so typed parameters fill both.
import { describe, expect, it } from 'vitest';
import { setLocale, t, tComputed } from '../../renderer/src/lib/i18n/i18n.svelte';
import charts from '../../renderer/src/lib/i18n/messages/charts';
import clipping from '../../renderer/src/lib/i18n/messages/clipping';
import compare from '../../renderer/src/lib/i18n/messages/compare';
import diagnostics from '../../renderer/src/lib/i18n/messages/diagnostics';
import history from '../../renderer/src/lib/i18n/messages/history';
import learn from '../../renderer/src/lib/i18n/messages/learn';
import shell from '../../renderer/src/lib/i18n/messages/shell';
import papers from '../../renderer/src/lib/i18n/messages/papers';
import train from '../../renderer/src/lib/i18n/messages/train';
import options from '../../renderer/src/lib/i18n/messages/options';
import workshop from '../../renderer/src/lib/i18n/messages/workshop';

/** Calls the typecheck must refuse; never run (they would only print keys). */
export function refusedByTheTypecheck(): string[] {
  return [
    // @ts-expect-error a misspelt key
    t('charts.loss.titel'),
    // @ts-expect-error a message with placeholders called without parameters
    t('charts.loss.readout'),
    // @ts-expect-error a parameter missing
    t('charts.loss.readout', { step: 1, loss: '1', acc: '1' }),
    // @ts-expect-error parameters for a message without placeholders
    t('charts.loss.title', { step: 1 }),
  ];
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('typed messages', () => {
  it('fills typed parameters in both languages', () => {
    setLocale('en');
    expect(t('charts.loss.readout', { step: 3, loss: '1', lossSmooth: '2', acc: '50%' })).toBe('step 3: loss 1 (smoothed 2), accuracy 50%');
    setLocale('ja');
    expect(t('charts.loss.readout', { step: 3, loss: '1', lossSmooth: '2', acc: '50%' })).toContain('3');
    setLocale('en');
  });

  it('gives every Japanese text the placeholders of its English text', () => {
    for (const m of [shell, learn, train, charts, history, compare, clipping, diagnostics, papers, options, workshop]) {
      for (const [key, en] of Object.entries(m.en)) expect(placeholders((m.ja as Record<string, string>)[key] ?? ''), key).toEqual(placeholders(en));
    }
  });

  it('looks computed keys up, falling back when there is no such message', () => {
    expect(tComputed('charts.loss.title')).toBe('Loss and accuracy');
    expect(tComputed('history.init.nothingLikeThis', 'nothingLikeThis')).toBe('nothingLikeThis');
  });
});
