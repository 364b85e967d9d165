// Corpus of wrong IDX files for 'idx-folder' datasets: a tiny valid folder in MNIST layout (20 train and 10
// test images, all blank, labels 0–9) with one of its four files replaced. Each must fail the run with a
// message naming the file (or the folder) and what is wrong.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

type FileKey = keyof typeof IDX_FILES;

export function idxFile(magic: number, dims: number[], body: Buffer | number): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, typeof body === 'number' ? Buffer.alloc(body) : body]);
}

const images = (n: number) => idxFile(2051, [n, 28, 28], n * 784);
const labels = (n: number) => idxFile(2049, [n], Buffer.from(Array.from({ length: n }, (_, i) => i % 10)));

/** Write a valid tiny folder at `dir` (20 train, 10 test); returns its path. */
export function writeIdxFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, IDX_FILES.trainImages), images(20));
  writeFileSync(join(dir, IDX_FILES.trainLabels), labels(20));
  writeFileSync(join(dir, IDX_FILES.testImages), images(10));
  writeFileSync(join(dir, IDX_FILES.testLabels), labels(10));
  return dir;
}

export interface IdxCase {
  name: string;
  /** The file replaced (or removed, when `content` is null). */
  file: FileKey;
  content: Buffer | null;
  message: RegExp;
}

export const BAD_IDX_FILES: IdxCase[] = [
  { name: 'labels where images belong (wrong magic number)', file: 'trainImages', content: labels(20), message: /wrong magic number 2049 \(expected 2051/ },
  { name: 'images where labels belong (wrong magic number)', file: 'testLabels', content: images(10), message: /wrong magic number 2051 \(expected 2049/ },
  { name: '32×32 images (wrong shape)', file: 'trainImages', content: idxFile(2051, [20, 32, 32], 20 * 1024), message: /images are 32×32, expected 28×28/ },
  { name: 'truncated images', file: 'testImages', content: images(10).subarray(0, 16 + 5 * 784), message: /truncated: header says 10 images/ },
  { name: 'truncated labels', file: 'trainLabels', content: labels(20).subarray(0, 8 + 7), message: /truncated: header says 20 labels/ },
  { name: 'an empty file', file: 'trainImages', content: Buffer.alloc(0), message: /too short for an IDX header \(0 bytes\)/ },
  { name: 'a label outside 0–9', file: 'trainLabels', content: idxFile(2049, [20], Buffer.alloc(20, 12)), message: /label 12 at index 0 is outside 0–9/ },
  { name: 'fewer labels than images', file: 'trainLabels', content: labels(19), message: /has 19 labels but .* has 20 images/ },
  { name: 'a missing file', file: 'testImages', content: null, message: /file not found/ },
];

/** A valid folder with the case's file replaced; returns the folder and the path the message must name. */
export function writeBadIdxFolder(dir: string, c: IdxCase): { folder: string; file: string } {
  writeIdxFolder(dir);
  const file = join(dir, IDX_FILES[c.file]);
  if (c.content === null) rmSync(file);
  else writeFileSync(file, c.content);
  // A count mismatch is reported against the labels file, which the message then names.
  return { folder: dir, file };
}
