// The CLI is a client of the same contract as the windows: requests go through the dispatcher (so validation
// and error messages are identical), and an error value becomes a thrown LabError.
import type { MethodName, MethodRequest, MethodResponse } from '../common/contract';
import { LabError } from '../common/result';
import type { NodeLab } from '../service/node-lab';

export async function call<M extends MethodName>(lab: NodeLab, method: M, request: MethodRequest<M>): Promise<MethodResponse<M>> {
  const r = await lab.dispatch(method, request);
  if (!r.ok) throw new LabError(r.error.name, r.error.message);
  return r.value as MethodResponse<M>;
}

/** Parse a whole positive number given on the command line, naming the flag when it is not one. */
export function intArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new LabError('ValidationError', `${name} must be a whole number (got "${value}")`);
  return n;
}

export function runIdsArg(args: string[], min = 1): number[] {
  if (args.length < min) throw new LabError('ValidationError', `give at least ${min} run id${min > 1 ? 's' : ''}`);
  return args.map((a) => intArg('run id', a)!);
}
