// `gradient-lab list | show ID | delete ID...`: saved runs, as tables or JSON.
import { hiddenWidths } from '../../common/config';
import { LabError } from '../../common/result';
import { RUN_SORT_FIELDS, RUN_STATUSES, type RunStatus } from '../../common/runs';
import { call, intArg, runIdsArg } from '../call';
import { duration, fixed, pct, printable, SUMMARY_HEADER, summaryRow, table } from '../format';
import type { CliContext } from '../options';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new LabError('ValidationError', `${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export async function listCommand({ lab, opts, out }: CliContext): Promise<number> {
  const sortArg = opts.sort?.replace(/^-/, '');
  const result = await call(lab, 'run:list', {
    ...(opts.text ? { text: opts.text } : {}),
    ...(opts.status ? { status: oneOf<RunStatus>('--status', opts.status, RUN_STATUSES) } : {}),
    ...(opts.preset ? { preset: opts.preset } : {}),
    ...(opts.tag ? { tag: opts.tag } : {}),
    ...(sortArg ? { sort: oneOf('--sort', sortArg, RUN_SORT_FIELDS), order: opts.sort!.startsWith('-') ? 'desc' : 'asc' } : {}),
    ...(opts.limit ? { limit: intArg('--limit', opts.limit) } : {}),
  });
  if (opts.json) {
    out.write(JSON.stringify(result) + '\n');
    return 0;
  }
  if (result.runs.length === 0) {
    out.write(`No saved runs in ${lab.dbPath}.\n`);
    return 0;
  }
  out.write(table(SUMMARY_HEADER, result.runs.map(summaryRow)));
  if (result.total > result.runs.length) out.write(`(${result.runs.length} of ${result.total} runs shown; use --limit N)\n`);
  return 0;
}

export async function showCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const [runId] = runIdsArg(args);
  if (args.length > 1) throw new LabError('ValidationError', 'show takes one run id');
  const d = await call(lab, 'run:get', { runId: runId!, maxPoints: 500 });
  if (opts.json) {
    out.write(JSON.stringify(d) + '\n');
    return 0;
  }
  const s = d.summary;
  const c = d.config;
  const lines = [
    `Run ${s.id}: ${printable(s.name)}`,
    `  status      ${s.status}${s.error ? ` — ${s.error}` : ''}`,
    `  preset      ${s.preset ?? '—'}`,
    `  model       ${c.model.activation}, hidden ${hiddenWidths(c.model).join('-')}, init ${c.model.initializer.kind}` +
      `${c.model.batchNorm ? ', batch norm' : ''}${c.model.residual ? ', residual' : ''}`,
    `  training    ${c.optimizer.kind} lr ${c.optimizer.learningRate}, batch ${c.training.batchSize}, ${c.training.epochs} epochs, seed ${c.training.seed}` +
      `${c.optimizer.clip ? `, gradient clipped by ${c.optimizer.clip.kind} at ${c.optimizer.clip.threshold}` : ''}`,
    `  dataset     ${c.dataset.kind}${'trainSize' in c.dataset && c.dataset.trainSize ? ` (${c.dataset.trainSize} train / ${c.dataset.testSize} test)` : ''}`,
    `  backend     ${s.backend ?? '—'}${s.skipped.length ? ` (skipped: ${s.skipped.map((k) => `${k.name}: ${k.reason}`).join('; ')})` : ''}`,
    `  created     ${s.created}   duration ${duration(s.durationSec)}   app ${s.appVersion}`,
    `  final       test acc ${pct(s.final?.testAcc)}, test loss ${fixed(s.final?.testLoss)}`,
    ...(s.tags.length ? [`  tags        ${s.tags.join(', ')}`] : []),
    ...(s.origin ? [`  imported    from ${s.origin}`] : []),
    ...(s.notes ? [`  notes       ${s.notes}`] : []),
    `  steps       ${d.series.steps.length ? d.series.steps[d.series.steps.length - 1]! + 1 : 0} recorded`,
    ...(s.divergedStep !== undefined ? [`  diverged    at step ${s.divergedStep}`] : []),
    ...(d.clipping ? [`  clipped     ${d.clipping.clippedSteps} of ${d.clipping.steps} steps`] : []),
  ];
  // Every line may hold text from an imported bundle (error, preset, tags, origin, notes, backend reasons).
  out.write(lines.map((l, i) => (i === 0 ? l : printable(l))).join('\n') + '\n\n');
  if (d.epochs.length) {
    out.write(
      table(
        ['EPOCH', 'TRAIN LOSS', 'TRAIN ACC', 'TEST LOSS', 'TEST ACC', 'SECONDS'],
        d.epochs.map((e) => [String(e.epoch + 1), fixed(e.trainLoss), pct(e.trainAcc), fixed(e.testLoss), pct(e.testAcc), fixed(e.seconds, 1)]),
      ),
    );
  }
  const lastStats = d.series.layerStats.map((l) => l[l.length - 1]).filter((x) => x !== undefined);
  if (lastStats.length) {
    out.write(`\nGradients at the last recorded step:\n`);
    out.write(
      table(
        ['LAYER', 'UNITS', '‖∂E/∂W‖', 'ZERO FRAC', 'SATURATED', 'DEAD'],
        lastStats.map((st) => {
          const info = d.layers[st.layer];
          return [printable(info?.name ?? String(st.layer)), String(info?.units ?? '—'), st.gradNorm.toExponential(2), pct(st.gradZeroFrac), pct(st.saturatedFrac), pct(st.deadFrac)];
        }),
      ),
    );
  }
  return 0;
}

export async function deleteCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const runIds = runIdsArg(args);
  const r = await call(lab, 'run:delete', { runIds });
  out.write(opts.json ? JSON.stringify(r) + '\n' : `Deleted ${r.deleted} run${r.deleted === 1 ? '' : 's'}.\n`);
  return 0;
}
