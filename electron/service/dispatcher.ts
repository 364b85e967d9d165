// One request path for every host: unknown channel, oversized or invalid payload, or a handler that throws all
// come back as `{ok:false,error:{name,message}}`; nothing a client sends can crash the host.
import { isMethodName, methods, payloadLimit, type Handlers, type MethodName } from '../common/contract';
import { fail, ok, toErrorValue, type Result } from '../common/result';
import { formatIssues } from '../common/validation';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

function payloadSize(payload: unknown): number {
  try {
    return JSON.stringify(payload ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string') return fail('UnknownChannel', 'Unknown channel: the channel must be a string');
    if (!isMethodName(channel)) return fail('UnknownChannel', `Unknown channel: ${channel.slice(0, 100)}`);
    const limit = payloadLimit(channel);
    if (payloadSize(payload) > limit) {
      return fail('PayloadTooLarge', `Request to ${channel} is larger than ${limit} bytes`);
    }
    const schema = methods[channel].request;
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = formatIssues(parsed.error);
      return fail('ValidationError', `${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    try {
      const handler = handlers[channel as MethodName] as (req: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (e) {
      return { ok: false, error: toErrorValue(e) };
    }
  };
}
