// The in-memory shape every data set takes for training: flat float features, integer labels, and (for image
// sets) the raw test pixels so predictions can carry their digit; and the check that needs the loaded data (an
// idx-folder's size is known only once its files are read).
import type { DatasetConfig } from '../../common/config';
import { ValidationError } from '../../common/validation';

export interface Dataset {
  /** e.g. "MNIST", "IDX folder /path", "toy mortgage". */
  name: string;
  features: number;
  classes: number;
  trainX: Float32Array;
  trainY: Uint8Array;
  testX: Float32Array;
  testY: Uint8Array;
  /** Test images as bytes (testSize × features), for image sets only. */
  testPixels?: Uint8Array;
  /** Index of each test example in the original test file (for predictions). */
  testIndex: Int32Array;
}

export const trainSizeOf = (d: Dataset): number => d.trainY.length;
export const testSizeOf = (d: Dataset): number => d.testY.length;

/** Refuse, before any training, a batch larger than the training set the folder turned out to hold. */
export function assertBatchFits(cfg: DatasetConfig, data: Dataset, batchSize: number): void {
  const train = trainSizeOf(data);
  if (batchSize <= train) return;
  const where = cfg.kind === 'idx-folder' ? ` in ${cfg.folder}` : '';
  const message = `batchSize (${batchSize}) must not exceed the training set size (${train} examples${where})`;
  throw new ValidationError(`config.training.batchSize: ${message}`, [{ path: 'config.training.batchSize', message }]);
}
