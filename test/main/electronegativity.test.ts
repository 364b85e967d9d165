// Electronegativity (Doyensec's Electron security scanner) over the app's Electron code and page: no high or
// medium finding. The one check that needs the internet (Electron release notes) is left out and the Electron
// version is given; the scanner's start-up fetch of translation files is refused by the offline guard (it then
// uses the English texts it ships), so the scan makes no request outside loopback.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');

describe('electronegativity', () => {
  it('finds nothing of high or medium severity in the Electron code', () => {
    const work = mkdtempSync(join(tmpdir(), 'gl-eneg-'));
    try {
      // Scan the sources that configure Electron, plus the page and the manifest (not node_modules).
      cpSync(join(ROOT, 'electron'), join(work, 'electron'), { recursive: true });
      cpSync(join(ROOT, 'renderer/index.html'), join(work, 'index.html'));
      cpSync(join(ROOT, 'package.json'), join(work, 'package.json'));
      const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
      const csv = join(work, 'findings.csv');
      const r = spawnSync(
        process.execPath,
        ['--require', join(ROOT, 'test/offline-guard.cjs'), BIN, '-i', work, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false', '-o', csv],
        { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'en-US', GRADIENT_LAB_OFFLINE_LOG: join(work, 'offline.log') } },
      );
      // Whatever the scanner tried to reach was refused locally (it falls back to its bundled texts).
      if (existsSync(join(work, 'offline.log'))) expect(readFileSync(join(work, 'offline.log'), 'utf8')).toMatch(/^(\[offline\] refused .*\n)+$/);
      expect(r.status, r.stderr).toBe(0);
      const rows = readFileSync(csv, 'utf8').split('\n').slice(1).filter((l) => /^[A-Z_]+,"/.test(l));
      expect(rows.length).toBeGreaterThan(0); // the scan ran and reported (at least the version check)
      const serious = rows.filter((l) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(l));
      expect(serious, serious.join('\n')).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
