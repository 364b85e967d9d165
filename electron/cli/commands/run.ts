// `gradient-lab run --preset NAME | --config FILE.json [config flags]`: train one experiment, saved in the database as it goes.
// stdout: the run id, then one line per epoch and a final line (or, with --json, one JSON object per line);
// stderr: a progress bar with ETA. Ctrl-C stops the run cleanly: it ends 'stopped' with what it had recorded.
import type { LabEvent } from '../../common/contract';
import type { EpochRecord } from '../../common/records';
import type { RunProgress, RunStatus, RunStatusEvent } from '../../common/runs';
import { call } from '../call';
import { duration, fixed, pct } from '../format';
import { runRequest } from '../../common/run-naming';
import { configFromCli } from '../config-flags';
import type { CliContext } from '../options';

/** Exit codes: 0 completed, 1 failed or interrupted, 2 diverged, 130 stopped (as after Ctrl-C). */
const EXIT: Record<RunStatus, number> = { completed: 0, failed: 1, interrupted: 1, diverged: 2, stopped: 130, queued: 1, running: 1 };
const END_TYPE: Record<RunStatus, 'done' | 'stopped' | 'diverged' | 'failed'> = {
  completed: 'done',
  stopped: 'stopped',
  diverged: 'diverged',
  failed: 'failed',
  interrupted: 'failed',
  queued: 'failed',
  running: 'failed',
};

function bar(p: RunProgress): string {
  const frac = p.totalSteps ? Math.min(1, p.step / p.totalSteps) : 0;
  const filled = Math.round(frac * 30);
  const rate = p.samplesPerSec ? `${Math.round(p.samplesPerSec)} samples/s` : '…';
  return `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  step ${p.step}/${p.totalSteps}  epoch ${p.epoch + 1}/${p.epochs}  ${rate}  ETA ${duration(p.etaSec)}`;
}

function epochLine(e: EpochRecord, epochs: number): string {
  return `epoch ${e.epoch + 1}/${epochs}  train loss ${fixed(e.trainLoss)} acc ${pct(e.trainAcc)}  test loss ${fixed(e.testLoss)} acc ${pct(e.testAcc)}  ${e.seconds.toFixed(1)} s  ${Math.round(e.samplesPerSec)} samples/s`;
}

export async function runCommand(ctx: CliContext): Promise<number> {
  const { lab, opts, out, err } = ctx;
  const json = opts.json ?? false;
  const request = runRequest(configFromCli(opts));
  const config = request.config;
  const epochs = config.training.epochs;
  let runId = -1;
  let lastBar = 0;
  const tty = Boolean(err.isTTY);
  const early: LabEvent[] = [];
  let handle: (e: LabEvent) => void = (e) => early.push(e);
  const ended = new Promise<RunStatusEvent>((resolve) => {
    handle = (e) => {
      if (e.channel === 'run:progress' && e.payload.runId === runId) {
        for (const ep of e.payload.epochs) out.write(json ? JSON.stringify({ ...ep, runId, epochs }) + '\n' : epochLine(ep, epochs) + '\n');
        const now = Date.now();
        if (now - lastBar >= (tty ? 100 : 2000) && e.payload.progress.step > 0) {
          lastBar = now;
          err.write(tty ? `\r${bar(e.payload.progress)}\x1b[K` : bar(e.payload.progress) + '\n');
        }
      } else if (e.channel === 'run:status' && e.payload.runId === runId && !['queued', 'running'].includes(e.payload.status)) {
        resolve(e.payload);
      }
    };
  });
  const unsubscribe = lab.service.onEvent((e) => handle(e));
  const name = opts.name ?? request.name;
  const summary = await call(lab, 'run:start', { config, ...(name ? { name } : {}) });
  runId = summary.id;
  for (const e of early.splice(0)) handle(e);
  if (json) out.write(JSON.stringify({ type: 'run', runId, name: summary.name, db: lab.dbPath }) + '\n');
  else out.write(`run ${runId} "${summary.name}" saved to ${lab.dbPath}\n`);

  let stops = 0;
  const onSigint = () => {
    stops += 1;
    if (stops === 1) {
      err.write(`${tty ? '\n' : ''}Stopping run ${runId} (press Ctrl-C again to quit at once)…\n`);
      void call(lab, 'run:stop', { runId }).catch(() => undefined);
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const end = await ended;
    if (tty) err.write('\n');
    const s = lab.service.store.runs.get(runId)!;
    const result = {
      type: END_TYPE[end.status],
      runId,
      status: end.status,
      testAcc: s.final?.testAcc ?? null,
      final: s.final,
      backend: s.backend,
      skipped: s.skipped,
      durationSec: s.durationSec,
      ...(s.error ? { error: s.error } : {}),
    };
    if (json) out.write(JSON.stringify(result) + '\n');
    else {
      const why = s.error ? ` — ${s.error}` : '';
      out.write(`run ${runId} ${end.status}${why}: test accuracy ${pct(s.final?.testAcc)}, backend ${s.backend ?? '—'}, ${duration(s.durationSec)}\n`);
    }
    return EXIT[end.status];
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    unsubscribe();
  }
}
