// The page names its icon and the icon ships with the renderer (Vite copies renderer/public/ next to
// index.html), so neither the desktop app nor browser mode asks for a /favicon.ico that is not there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('favicon', () => {
  it('is linked from the page and is a real icon file with 16, 32 and 48 px images', () => {
    const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/<link rel="icon" href="\.\/favicon\.ico"/);
    const ico = readFileSync(join(ROOT, 'renderer/public/favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i]);
    expect(sizes).toEqual([16, 32, 48]);
    const firstOffset = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(firstOffset + 1, firstOffset + 4).toString('latin1')).toBe('PNG');
  });
});
