// Plain-text output of the CLI: aligned tables, durations, percentages. No colours, so output pipes cleanly.
import type { RunSummary } from '../common/runs';

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/**
 * Text from the database (names, notes, tags, errors, origins) as the terminal should print it: control
 * characters — ESC and the rest of C0 and C1, DEL, and the bidirectional overrides — shown as visible \u escapes
 * so an imported name can never move the cursor, retitle the window or hide text. Newlines are kept.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function duration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(2)}%`);
export const fixed = (x: number | null | undefined, d = 4): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));

export function summaryRow(r: RunSummary): string[] {
  return [
    String(r.id),
    // An imported copy keeps its original's name; the mark tells the two apart.
    printable(r.name) + (r.origin ? ' (imported)' : ''),
    r.divergedStep !== undefined ? `${r.status} @${r.divergedStep}` : r.status,
    printable(r.preset ?? '—'),
    `${r.activation}×${r.depth}${r.batchNorm ? '+bn' : ''}${r.residual ? '+res' : ''}`,
    r.backend ? `${r.backend}${r.engine ? ` (${r.engine})` : ''}` : '—',
    pct(r.final?.testAcc),
    duration(r.durationSec),
    r.created.replace('T', ' ').slice(0, 19),
    r.clipping ? `${r.clipping.clippedSteps}/${r.clipping.steps}` : '—',
  ];
}

export const SUMMARY_HEADER = ['ID', 'NAME', 'STATUS', 'PRESET', 'MODEL', 'BACKEND (ENGINE)', 'TEST ACC', 'TIME', 'CREATED (UTC)', 'CLIPPED'];
