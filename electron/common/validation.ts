// Schema failures become one readable sentence that names the field, e.g.
// "model.depth: must be at most 50 (got 51)".
import type { z } from 'zod';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export function formatIssues(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(payload)';
    return { path, message: issue.message };
  });
}

/** Parse or throw a ValidationError whose message names every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error, what);
  throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}
