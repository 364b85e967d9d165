// The WebGPU trainer page bundles part of the engine for Chromium: every module it reaches, through every
// relative import from its entry, must do without Node (a node:* or built-in import would be stubbed out by the
// browser build and fail only at run time, in the desktop app's hidden window). The lint wall sees only
// electron/engine/page itself; this follows the whole graph.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'electron/engine/page/trainer-page.ts');
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Every module reachable from `entry` by relative imports, with the bare specifiers each one imports. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const code = readFileSync(file, 'utf8');
    // Type-only imports vanish from the bundle; everything else (static or dynamic) is followed.
    const specs = [...code.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
    const bare: string[] = [];
    seen.set(file, bare);
    for (const s of specs) {
      if (!s.startsWith('.')) bare.push(s);
      else {
        const base = resolve(dirname(file), s);
        const target = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f) && f.endsWith('.ts'));
        if (!target) throw new Error(`${relative(ROOT, file)}: cannot resolve ${s}`);
        visit(target);
      }
    }
  };
  visit(entry);
  return seen;
}

describe('trainer page import graph', () => {
  it('reaches the training loop and the data sets, and no module of it imports Node', () => {
    const g = graph(ENTRY);
    const files = [...g.keys()].map((f) => relative(ROOT, f));
    expect(files).toContain('electron/engine/train/train.ts');
    expect(files).toContain('electron/engine/data/idx-dataset.ts');
    const offenders = [...g].flatMap(([file, bare]) =>
      bare.filter((b) => b.startsWith('node:') || builtins.has(b.split('/')[0]!)).map((b) => `${relative(ROOT, file)} imports ${b}`),
    );
    expect(offenders).toEqual([]);
    // Only tfjs and zod come from packages.
    const packages = new Set([...g.values()].flat());
    for (const p of packages) expect(p).toMatch(/^(@tensorflow\/|zod$)/);
  });
});
