// A single pass over JSON text that measures what parsing it would build — values, arrays and objects,
// nesting depth, the longest string — without building anything, so a hostile file (tens of millions of empty
// rows, arrays nested thousands deep, one giant string) is refused before JSON.parse expands it in memory.
// It does not check the grammar (JSON.parse does that afterwards); it only counts.

export interface JsonBudget {
  /** Numbers, strings, booleans and nulls, all together. */
  values: number;
  /** Arrays and objects, all together. */
  containers: number;
  depth: number;
  /** Longest string, in bytes of UTF-8. */
  stringBytes: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Measure `text`; returns the first budget field exceeded and its limit, or null when it fits.
 * Object keys count as strings (for their length), not as values.
 */
export function exceedsBudget(text: Uint8Array, budget: JsonBudget): { field: keyof JsonBudget; limit: number } | null {
  let values = 0;
  let containers = 0;
  let depth = 0;
  let inValue = false; // inside a bare word or number
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length && text[i] !== QUOTE; i++) if (text[i] === BACKSLASH) i++;
      if (i - start - 1 > budget.stringBytes) return { field: 'stringBytes', limit: budget.stringBytes };
      // A string followed by ':' is a key; anything else is a value.
      let j = i + 1;
      while (j < text.length && isSpace(text[j]!)) j++;
      if (text[j] !== COLON && ++values > budget.values) return { field: 'values', limit: budget.values };
      inValue = false;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++containers > budget.containers) return { field: 'containers', limit: budget.containers };
      if (++depth > budget.depth) return { field: 'depth', limit: budget.depth };
      inValue = false;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
      inValue = false;
    } else if (c === COMMA || c === COLON || isSpace(c)) {
      inValue = false;
    } else if (!inValue) {
      inValue = true;
      if (++values > budget.values) return { field: 'values', limit: budget.values };
    }
  }
  return null;
}
