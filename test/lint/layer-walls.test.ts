// The layer walls are real: a wrong import in a layer is reported by `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer walls', () => {
  it('refuses node built-ins and engine imports in electron/common', async () => {
    const msgs = await messagesFor(
      'electron/common/wall-fixture.ts',
      "import { readFileSync } from 'node:fs';\nimport { probeBackends } from '../engine/backends';\nexport const x = [readFileSync, probeBackends];\n",
    );
    expect(msgs.some((m) => m.includes('Node built-ins'))).toBe(true);
    expect(msgs.some((m) => m.includes('electron/common may import only'))).toBe(true);
  });

  it('refuses electron and better-sqlite3 in the engine, but allows tfjs and common', async () => {
    const bad = await messagesFor(
      'electron/engine/wall-fixture.ts',
      "import { app } from 'electron';\nimport Database from 'better-sqlite3';\nexport const x = [app, Database];\n",
    );
    expect(bad).toHaveLength(2);
    const good = await messagesFor(
      'electron/engine/wall-fixture.ts',
      "import * as tf from '@tensorflow/tfjs';\nimport { readFile } from 'node:fs/promises';\nimport { methods } from '../common/contract';\nexport const x = [tf, readFile, methods];\n",
    );
    expect(good).toEqual([]);
  });

  it('keeps the service away from the engine and SQL out of main-less layers', async () => {
    const msgs = await messagesFor(
      'electron/service/wall-fixture.ts',
      "import { train } from '../engine/train/train';\nexport const x = train;\n",
    );
    expect(msgs).toHaveLength(1);
    const web = await messagesFor('electron/web/wall-fixture.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n");
    expect(web).toHaveLength(1);
  });

  it('keeps the renderer off node, electron and the store', async () => {
    const msgs = await messagesFor(
      'renderer/src/wall-fixture.ts',
      "import { join } from 'node:path';\nimport { ipcRenderer } from 'electron';\nimport { openDb } from '../../electron/store/db';\nimport { methods } from '../../electron/common/contract';\nexport const x = [join, ipcRenderer, openDb, methods];\n",
    );
    expect(msgs).toHaveLength(3);
  });
});
