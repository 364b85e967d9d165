// The shape of each dataset as the network sees it (inputs per example, classes), known before any data is
// loaded, so the Train view can draw the network a config describes: 784 pixels for MNIST-layout images, the
// toy mortgage set's three features (income, loan amount, years employed) and its two classes.
import type { DatasetConfig } from './config';

export const TOY_MORTGAGE_FEATURES = 3;
export const IMAGE_INPUTS = 28 * 28;

export function inputSizeOf(dataset: DatasetConfig): number {
  return dataset.kind === 'toy-mortgage' ? TOY_MORTGAGE_FEATURES : IMAGE_INPUTS;
}

export function classCountOf(dataset: DatasetConfig): number {
  return dataset.kind === 'toy-mortgage' ? 2 : 10;
}
