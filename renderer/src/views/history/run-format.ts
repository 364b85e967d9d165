// How the History and Compare views write a run's fields: durations, dates, initializers, architecture flags.
// Pure functions of the value and the locale, so the tables and their tests agree.
import type { Initializer } from '../../../../electron/common/config';
import { i18n, t, tComputed } from '../../lib/i18n/i18n.svelte';

/** 75 → "1:15", 3725 → "1:02:05", null → "—". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** A stored ISO time in the reader's locale, short. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

/** The initializer as the list shows it: "N(1, 1)", "He normal", … */
export function initializerLabel(kind: string, init?: Initializer): string {
  if (init?.kind === 'randomNormal') return `N(${init.mean}, ${init.std})`;
  if (init?.kind === 'randomUniform') return `U(${init.min}, ${init.max})`;
  return tComputed(`history.init.${kind}`, kind);
}

/** "BN", "Res", "BN + Res" or "—". */
export function archFlags(batchNorm: boolean, residual: boolean): string {
  const parts = [batchNorm ? t('history.flag.bn') : '', residual ? t('history.flag.res') : ''].filter(Boolean);
  return parts.length ? parts.join(' + ') : '—';
}
