// Where the package's own files are, whether running from the built bundle (out/main) or from source.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding gradient-lab's package.json, found by walking up from a module. */
export function packageRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'gradient-lab') return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find the gradient-lab package folder');
    dir = up;
  }
}

export function rendererDir(fromUrl: string): string {
  return join(packageRoot(fromUrl), 'out', 'renderer');
}
