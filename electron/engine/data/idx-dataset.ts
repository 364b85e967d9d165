// MNIST-layout data sets from IDX bytes already in memory: class-balanced seeded subsets and the flat float
// arrays training reads. No file access here, so the WebGPU trainer page (which is handed the files' bytes
// over its port) and the Node trainer (which reads them from a folder, mnist.ts) build identical data sets.
import { MNIST_FILES } from '../../common/mnist-files';
import type { Dataset } from './dataset';
import { parseIdxImages, parseIdxLabels, IdxError, type IdxImages } from './idx-parse';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';

/** The four files' bytes, keyed by their MNIST names. */
export type IdxFileBytes = Record<keyof typeof MNIST_FILES, Uint8Array>;

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

export interface IdxSplit {
  images: IdxImages;
  labels: Uint8Array;
}

/** One split's images and labels; the two files must agree on the count. */
export function pairOf(imagesFile: string, images: IdxImages, labelsFile: string, labels: Uint8Array): IdxSplit {
  if (images.count !== labels.length) throw new IdxError(labelsFile, `has ${labels.length} labels but ${imagesFile} has ${images.count} images`);
  return { images, labels };
}

export interface SubsetOptions {
  trainSize?: number;
  testSize?: number;
  seed: number;
  name: string;
}

/** The data set of two parsed splits, with balanced subsets drawn from the run's seed. */
export function datasetOfSplits(train: IdxSplit, test: IdxSplit, opts: SubsetOptions): Dataset {
  const trainIdx = balancedSubset(train.labels, opts.trainSize ?? train.labels.length, deriveSeed(opts.seed, 101));
  const testIdx = balancedSubset(test.labels, opts.testSize ?? test.labels.length, deriveSeed(opts.seed, 202));
  const tr = gather(train.images, train.labels, trainIdx);
  const te = gather(test.images, test.labels, testIdx);
  return {
    name: opts.name,
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

/** The data set of the four files' bytes (the trainer page's way in). */
export function datasetOfIdxBytes(files: IdxFileBytes, opts: SubsetOptions): Dataset {
  const f = MNIST_FILES;
  const train = pairOf(f.trainImages, parseIdxImages(f.trainImages, files.trainImages), f.trainLabels, parseIdxLabels(f.trainLabels, files.trainLabels));
  const test = pairOf(f.testImages, parseIdxImages(f.testImages, files.testImages), f.testLabels, parseIdxLabels(f.testLabels, files.testLabels));
  return datasetOfSplits(train, test, opts);
}
