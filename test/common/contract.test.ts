// The request path every host shares: payloads are parsed with the contract's schemas, and anything a client
// sends — an unknown channel, a wrong type, a huge payload — comes back as an error value naming the problem.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods, type Handlers } from '../../electron/common/contract';
import { createDispatcher } from '../../electron/service/dispatcher';

const calls: string[] = [];
const handlers = Object.fromEntries(
  METHOD_NAMES.map((m) => [
    m,
    async (req: unknown) => {
      calls.push(m);
      if (m === 'run:get' && (req as { runId: number }).runId === 13) throw Object.assign(new Error('Run 13 does not exist'), { name: 'NotFoundError' });
      return { echoed: req };
    },
  ]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers);

describe('contract', () => {
  it('declares a verb for every channel, each unique', () => {
    const verbs = METHOD_NAMES.map((m) => methods[m].verb);
    expect(new Set(verbs).size).toBe(verbs.length);
    expect(methods['app:info'].verb).toBe('appInfo');
  });
});

describe('dispatcher', () => {
  it('answers a valid request with ok and the parsed payload', async () => {
    const r = await dispatch('run:get', { runId: 3 });
    expect(r).toEqual({ ok: true, value: { echoed: { runId: 3, maxPoints: 2000 } } });
  });

  it('rejects a payload failing the schema with a ValidationError naming the field', async () => {
    const r = await dispatch('run:get', { runId: 'three' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.name).toBe('ValidationError');
    expect(r.error.message).toContain('runId');
  });

  it('rejects unexpected fields, so a typo never passes silently', async () => {
    const r = await dispatch('app:info', { verbose: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/verbose/);
  });

  it('names a bad nested config field and its allowed range', async () => {
    const r = await dispatch('run:start', {
      config: {
        dataset: { kind: 'mnist', trainSize: 1000, testSize: 200 },
        model: { depth: 0, width: 128, activation: 'sigmoid', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
        optimizer: { kind: 'adam', learningRate: 0.001 },
        training: { epochs: 1, batchSize: 32, seed: 1 },
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('config.model.depth: depth must be at least 1 (allowed 1–50)');
  });

  it('answers an unknown channel with an error, never a crash', async () => {
    for (const channel of ['nope', undefined, 42, { toString: () => 'x' }, '__proto__', 'constructor']) {
      const r = await dispatch(channel, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.name).toBe('UnknownChannel');
    }
  });

  it('refuses oversized and unserialisable payloads', async () => {
    const big = await dispatch('run:update', { runId: 1, notes: 'x'.repeat(2_000_000) });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.name).toBe('PayloadTooLarge');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const r = await dispatch('run:update', cyclic);
    expect(r.ok).toBe(false);
  });

  it('turns a handler error into an error value keeping its name', async () => {
    const r = await dispatch('run:get', { runId: 13 });
    expect(r).toEqual({ ok: false, error: { name: 'NotFoundError', message: 'Run 13 does not exist' } });
  });
});
