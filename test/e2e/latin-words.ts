// The Latin words of a Japanese text that are not in the allow-list of the Japanese-only walk
// (japanese-only.test.ts keeps that list; it is read from there so the two checks never disagree).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function allowed(): Set<string> {
  const source = readFileSync(join(import.meta.dirname, 'japanese-only.test.ts'), 'utf8');
  const list = /const ALLOWED = new Set\(\s*`([^`]*)`/.exec(source)?.[1];
  if (!list) throw new Error('japanese-only.test.ts no longer keeps its allow-list as `const ALLOWED = new Set(`…`)`');
  return new Set(list.split(/\s+/).filter(Boolean));
}

let cached: Set<string> | undefined;

/** Every word of two or more Latin letters in `text` that the Japanese UI may not show. */
export function englishWordsIn(text: string): string[] {
  cached ??= allowed();
  return (text.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((w) => !cached!.has(w));
}
