// Reader for the IDX files MNIST ships in (and Fashion-MNIST, and any set in the same layout): big-endian
// magic number, dimension sizes, then unsigned bytes. Every failure names the file, so a user who picked a
// wrong folder learns which file is wrong and how.
import { readFile } from 'node:fs/promises';
import { IdxError, parseIdxImages, parseIdxLabels, type IdxImages } from './idx-parse';

export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, IMAGE_SIDE, IdxError, parseIdxImages, parseIdxLabels, type IdxImages } from './idx-parse';

async function load(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new IdxError(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${(e as Error).message})`);
  }
}

export async function readIdxImages(file: string): Promise<IdxImages> {
  return parseIdxImages(file, await load(file));
}

export async function readIdxLabels(file: string): Promise<Uint8Array> {
  return parseIdxLabels(file, await load(file));
}

/** Images and labels of one split; the two files must agree on the count. */
export async function readIdxPair(imagesFile: string, labelsFile: string): Promise<{ images: IdxImages; labels: Uint8Array }> {
  const [images, labels] = await Promise.all([readIdxImages(imagesFile), readIdxLabels(labelsFile)]);
  if (images.count !== labels.length) {
    throw new IdxError(labelsFile, `has ${labels.length} labels but ${imagesFile} has ${images.count} images`);
  }
  return { images, labels };
}
