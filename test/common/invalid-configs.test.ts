// Every config in the invalid corpus is refused by the shared schema with a message naming its field, and the
// valid baseline is accepted (so each case fails for its own reason).
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema } from '../../electron/common/config';
import { parseOrThrow, ValidationError } from '../../electron/common/validation';
import { INVALID_CONFIGS, VALID_CONFIG, invalidConfig } from '../corpus/invalid-configs';

describe('invalid config corpus', () => {
  it('has at least 40 cases and a valid baseline', () => {
    expect(INVALID_CONFIGS.length).toBeGreaterThanOrEqual(40);
    expect(() => parseOrThrow(ExperimentConfigSchema, VALID_CONFIG)).not.toThrow();
  });

  it.each(INVALID_CONFIGS.map((c) => [c.name, c] as const))('refuses %s, naming the field', (_name, c) => {
    let error: unknown;
    try {
      parseOrThrow(ExperimentConfigSchema, invalidConfig(c));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain(c.field);
  });
});
