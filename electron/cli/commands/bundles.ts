// `gradient-lab export ID... -o FILE | import FILE | csv ID`: move runs between databases, or to a spreadsheet.
import { once } from 'node:events';
import { closeSync, fstatSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LabError } from '../../common/result';
import { BUNDLE_MAX_BYTES, CSV_TABLES } from '../../common/runs';
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
  const data = readBounded(file, BUNDLE_MAX_BYTES);
  // The service checks the whole bundle before writing anything (same code path as the windows' import).
  const { runIds } = lab.service.importBundle(data, basename(file));
  out.write(opts.json ? JSON.stringify({ runIds }) + '\n' : `Imported ${runIds.length} run${runIds.length === 1 ? '' : 's'} from ${file}: ${runIds.join(', ')}\n`);
  return 0;
}

export async function csvCommand({ lab, args, opts, out }: CliContext): Promise<number> {
  const [runId] = runIdsArg(args);
  const t = opts.table ?? 'steps';
  if (!(CSV_TABLES as readonly string[]).includes(t)) throw new LabError('ValidationError', `--table must be one of ${CSV_TABLES.join(', ')} (got "${t}")`);
  // Written chunk by chunk as the table is formed: a long run never becomes one string.
  const chunks = lab.service.csvChunks(runId!, t as (typeof CSV_TABLES)[number]);
  if (opts.output) {
    const fd = openSync(resolve(opts.output), 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    process.stderr.write(`Wrote ${resolve(opts.output)}\n`);
  } else {
    for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  }
  return 0;
}

/** The file's bytes, refusing before reading when it is larger than `max` (and reading no more than max + 1). */
function readBounded(file: string, max: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    const size = info.size;
    if (size > max) throw new LabError('BundleError', `The bundle is too large: ${file} has ${(size / 1024 / 1024).toFixed(1)} MB (the limit is ${max / 1024 / 1024} MB)`);
    // A regular file is read to its stated size (+1 to notice growth); a pipe up to the limit.
    const buffer = Buffer.alloc(info.isFile() ? Math.min(max, size) + 1 : max + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > max) throw new LabError('BundleError', `The bundle is too large: ${file} is larger than ${max / 1024 / 1024} MB`);
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw new LabError('BundleError', `Cannot read ${file}: ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
