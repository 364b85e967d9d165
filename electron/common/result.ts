// Errors that cross a process boundary travel as values, never as thrown objects.

export interface ErrorValue {
  name: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(name: string, message: string): { ok: false; error: ErrorValue } {
  return { ok: false, error: { name, message } };
}

/** Turn anything thrown into an error value, keeping a typed error's name. */
export function toErrorValue(e: unknown): ErrorValue {
  if (e instanceof Error) return { name: e.name || 'Error', message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Raised on the client side when a request comes back `{ok:false}`. */
export class LabError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
