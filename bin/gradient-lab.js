#!/usr/bin/env node
// The `gradient-lab` command: runs the built CLI (npm run build produces out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('gradient-lab: the app is not built yet. Run "npm run build" in the project folder first.\n');
  process.exit(1);
}
await import(built);
