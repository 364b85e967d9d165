// `gradient-lab compare ID ID...`: outcomes side by side and only the config fields that differ.
import { call, runIdsArg } from '../call';
import { duration, fixed, pct, printable, table } from '../format';
import type { CliContext } from '../options';

export async function compareCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const runIds = runIdsArg(args, 0);
  const c = await call(lab, 'run:compare', { runIds, maxPoints: 500 });
  if (opts.json) {
    out.write(JSON.stringify(c) + '\n');
    return 0;
  }
  const head = ['', ...c.runs.map((r) => `#${r.summary.id}`)];
  const row = (label: string, f: (r: (typeof c.runs)[number]) => string) => [label, ...c.runs.map(f)];
  const firstLast = (r: (typeof c.runs)[number]) => {
    const stats = r.series.layerStats;
    const first = stats[0]?.[0]?.gradNorm;
    const last = stats[stats.length - 1]?.[0]?.gradNorm;
    return first !== undefined && last !== undefined && last > 0 ? (first / last).toExponential(1) : '—';
  };
  out.write(
    table(head, [
      row('name', (r) => printable(r.summary.name)),
      row('status', (r) => r.summary.status),
      row('preset', (r) => printable(r.summary.preset ?? '—')),
      row('test acc', (r) => pct(r.summary.final?.testAcc)),
      row('test loss', (r) => fixed(r.summary.final?.testLoss)),
      row('epochs', (r) => String(r.epochs.length)),
      row('first/last ‖∂E/∂W‖ @0', firstLast),
      row('backend', (r) => r.summary.backend ?? '—'),
      row('time', (r) => duration(r.summary.durationSec)),
    ]),
  );
  out.write('\nConfig differences:\n');
  out.write(c.diff.length ? table(['FIELD', ...head.slice(1)], c.diff.map((d) => [d.field, ...d.values.map(printable)])) : '  (none: same config)\n');
  return 0;
}
