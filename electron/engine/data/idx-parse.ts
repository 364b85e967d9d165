// Parsing of IDX bytes (the layout MNIST ships in): big-endian magic number, dimension sizes, then unsigned
// bytes. No file access, so a page can parse bytes it was handed; idx.ts reads files and parses them here.
// Every failure names the file, so a user who picked a wrong folder learns which file is wrong and how.

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;
export const IMAGE_SIDE = 28;

export class IdxError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IdxError';
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, row-major. */
  pixels: Uint8Array;
}

function header(file: string, buf: Uint8Array, magic: number, dims: number): { view: DataView; sizes: number[] } {
  if (buf.byteLength < 4 + 4 * dims) throw new IdxError(file, `too short for an IDX header (${buf.byteLength} bytes)`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const got = view.getUint32(0);
  if (got !== magic) {
    throw new IdxError(file, `wrong magic number ${got} (expected ${magic}: ${magic === IDX_IMAGES_MAGIC ? 'images' : 'labels'})`);
  }
  const sizes = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
  return { view, sizes };
}

/** Parse an IDX image file (magic 2051) of 28×28 images. */
export function parseIdxImages(file: string, buf: Uint8Array): IdxImages {
  const { sizes } = header(file, buf, IDX_IMAGES_MAGIC, 3);
  const [count, rows, cols] = sizes as [number, number, number];
  if (rows !== IMAGE_SIDE || cols !== IMAGE_SIDE) {
    throw new IdxError(file, `images are ${rows}×${cols}, expected ${IMAGE_SIDE}×${IMAGE_SIDE}`);
  }
  const expected = 16 + count * rows * cols;
  if (buf.byteLength < expected) {
    throw new IdxError(file, `truncated: header says ${count} images (${expected} bytes) but the file has ${buf.byteLength} bytes`);
  }
  return { count, rows, cols, pixels: buf.subarray(16, expected) };
}

/** Parse an IDX label file (magic 2049). */
export function parseIdxLabels(file: string, buf: Uint8Array): Uint8Array {
  const { sizes } = header(file, buf, IDX_LABELS_MAGIC, 1);
  const count = sizes[0]!;
  if (buf.byteLength < 8 + count) {
    throw new IdxError(file, `truncated: header says ${count} labels but the file has ${buf.byteLength - 8} bytes of labels`);
  }
  const labels = buf.subarray(8, 8 + count);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! > 9) throw new IdxError(file, `label ${labels[i]} at index ${i} is outside 0–9`);
  }
  return labels;
}
