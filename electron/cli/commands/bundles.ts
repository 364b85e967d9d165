// `gradient-lab export ID... -o FILE | import FILE | csv ID`: move runs between databases, or to a spreadsheet.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LabError } from '../../common/result';
import { CSV_TABLES } from '../../common/runs';
import { call, runIdsArg } from '../call';
import type { CliContext } from '../options';

export async function exportCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const runIds = runIdsArg(args);
  const r = await call(lab, 'bundle:export', { runIds });
  const file = resolve(opts.output ?? r.fileName);
  writeFileSync(file, Buffer.from(r.data, 'base64'));
  out.write(
    opts.json
      ? JSON.stringify({ file, bytes: r.bytes, runIds }) + '\n'
      : `Exported ${runIds.length} run${runIds.length === 1 ? '' : 's'} to ${file} (${(r.bytes / 1024).toFixed(1)} KB)\n`,
  );
  return 0;
}

export async function importCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  if (args.length !== 1) throw new LabError('ValidationError', 'import takes one bundle file');
  const file = resolve(args[0]!);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new LabError('BundleError', `Cannot read ${file}: ${(e as Error).message}`);
  }
  // The service checks the whole bundle before writing anything (same code path as the windows' import).
  const { runIds } = lab.service.importBundle(data, basename(file));
  out.write(opts.json ? JSON.stringify({ runIds }) + '\n' : `Imported ${runIds.length} run${runIds.length === 1 ? '' : 's'} from ${file}: ${runIds.join(', ')}\n`);
  return 0;
}

export async function csvCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const [runId] = runIdsArg(args);
  const t = opts.table ?? 'steps';
  if (!(CSV_TABLES as readonly string[]).includes(t)) throw new LabError('ValidationError', `--table must be one of ${CSV_TABLES.join(', ')} (got "${t}")`);
  const r = await call(lab, 'run:csv', { runId: runId!, table: t as (typeof CSV_TABLES)[number] });
  if (opts.output) {
    writeFileSync(resolve(opts.output), r.csv);
    process.stderr.write(`Wrote ${resolve(opts.output)}\n`);
  } else out.write(r.csv);
  return 0;
}
