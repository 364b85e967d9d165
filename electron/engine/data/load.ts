// One entry from a dataset config to an in-memory Dataset, and the checks that need the loaded data (an
// idx-folder's size is known only once its files are read).
import type { DatasetConfig } from '../../common/config';
import { assertBatchFits, type Dataset } from './dataset';
import { defaultMnistDir, loadIdxFolder } from './mnist';
import { loadToyMortgage } from './toy-mortgage';

export async function loadDataset(cfg: DatasetConfig, seed: number, mnistDir?: string): Promise<Dataset> {
  switch (cfg.kind) {
    case 'mnist':
      return loadIdxFolder({ folder: mnistDir ?? defaultMnistDir(), trainSize: cfg.trainSize, testSize: cfg.testSize, seed, name: 'MNIST' });
    case 'idx-folder':
      return loadIdxFolder({ folder: cfg.folder, trainSize: cfg.trainSize, testSize: cfg.testSize, seed });
    case 'toy-mortgage':
      return loadToyMortgage(seed);
    default: {
      const never: never = cfg;
      throw new Error(`unknown dataset ${JSON.stringify(never)}`);
    }
  }
}

export { assertBatchFits };
