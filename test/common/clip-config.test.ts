// Gradient clipping in the config: a threshold out of range, NaN, zero or negative, or an unknown kind is refused
// before anything starts with a message naming optimizer.clip's field and the allowed range; valid ones pass.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { parseOrThrow, ValidationError } from '../../electron/common/validation';
import { VALID_CONFIG } from '../corpus/invalid-configs';

const withClip = (clip: unknown) => ({ ...VALID_CONFIG, optimizer: { ...(VALID_CONFIG as { optimizer: object }).optimizer, clip } });

function messageOf(clip: unknown): string {
  try {
    parseOrThrow(ExperimentConfigSchema, withClip(clip));
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error('accepted');
}

describe('optimizer.clip', () => {
  it('accepts clipping by norm and by value, and no clipping', () => {
    expect(parseOrThrow(ExperimentConfigSchema, withClip({ kind: 'norm', threshold: 1 })).optimizer.clip).toEqual({ kind: 'norm', threshold: 1 });
    expect(parseOrThrow(ExperimentConfigSchema, withClip({ kind: 'value', threshold: 0.5 })).optimizer.clip).toEqual({ kind: 'value', threshold: 0.5 });
    expect(parseOrThrow(ExperimentConfigSchema, VALID_CONFIG).optimizer.clip).toBeUndefined();
  });

  it.each([
    ['zero', { kind: 'norm', threshold: 0 }, /optimizer\.clip\.threshold: threshold must be at least 1e-6 \(allowed 1e-6–1e6\)/],
    ['negative', { kind: 'value', threshold: -1 }, /optimizer\.clip\.threshold: threshold must be at least/],
    ['too large', { kind: 'norm', threshold: 1e7 }, /optimizer\.clip\.threshold: threshold must be at most 1e6/],
    ['NaN', { kind: 'norm', threshold: NaN }, /optimizer\.clip\.threshold/],
    ['Infinity', { kind: 'norm', threshold: Infinity }, /optimizer\.clip\.threshold: threshold must be/],
    ['a string', { kind: 'norm', threshold: '1' }, /optimizer\.clip\.threshold: threshold must be a number/],
    ['missing', { kind: 'norm' }, /optimizer\.clip\.threshold/],
    ['an unknown kind', { kind: 'both', threshold: 1 }, /optimizer\.clip\.kind: clip\.kind must be one of norm, value/],
    ['an extra key', { kind: 'norm', threshold: 1, every: 2 }, /optimizer\.clip/],
  ])('refuses %s, naming the field', (_name, clip, message) => {
    expect(messageOf(clip)).toMatch(message);
  });
});
