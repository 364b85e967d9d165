// The in-memory shape every data set takes for training: flat float features, integer labels, and (for image
// sets) the raw test pixels so predictions can carry their digit.

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
