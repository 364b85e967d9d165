// The four IDX files of an MNIST-layout folder as bytes, for a trainer that cannot read files itself (the
// WebGPU trainer page of the desktop app). Sizes are bounded: a folder of the wrong files is refused here
// with the file named, before anything is copied into the page.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MNIST_FILES } from '../common/mnist-files';

export type IdxFiles = Record<keyof typeof MNIST_FILES, Uint8Array>;

/** MNIST's training images are 47 MB; a file many times that is not an MNIST-layout set. */
export const IDX_FILE_LIMIT_BYTES = 256 * 1024 * 1024;

export async function readIdxFiles(folder: string): Promise<IdxFiles> {
  const out: Partial<IdxFiles> = {};
  for (const [key, name] of Object.entries(MNIST_FILES) as [keyof IdxFiles, string][]) {
    const file = join(folder, name);
    const { size } = await stat(file);
    if (size > IDX_FILE_LIMIT_BYTES) throw new Error(`${file}: ${size} bytes is larger than an IDX file may be here (${IDX_FILE_LIMIT_BYTES} bytes)`);
    out[key] = new Uint8Array(await readFile(file));
  }
  return out as IdxFiles;
}
