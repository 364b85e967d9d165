// The built Electron main process holds no database and runs no training: nothing it loads (following its
// imports through the built chunks) pulls in better-sqlite3, the store or the lab service; the service host does.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../out/main');

/** Every module a built entry loads: relative files (followed) and packages (listed). */
function graph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*import\s[^'"]*?["']([^"']+)["']|import\(["']([^"']+)["']\)/g)) {
      if (!spec) continue;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(join(OUT, entry));
  return { files, packages };
}

describe('built main process', () => {
  it('loads no SQLite and no lab service; the service host does', () => {
    const main = graph('index.js');
    expect([...main.packages]).not.toContain('better-sqlite3');
    expect(main.files.map((f) => f.slice(OUT.length))).not.toContainEqual(expect.stringMatching(/lab-service/));
    const host = graph('service-host.js');
    expect([...host.packages]).toContain('better-sqlite3');
  });
});
