// A lab for plain Node hosts (CLI and web host): the service with a child_process.fork launcher.
import { createDispatcher, type Dispatch } from './dispatcher';
import { ForkLauncher, defaultTrainerEntry } from './fork-launcher';
import { LabService } from './lab-service';
import type { AppInfo } from '../common/app-info';

export interface NodeLabOptions {
  version: string;
  host: AppInfo['host'];
  /** import.meta.url of the entry module, used to find the trainer entry beside it. */
  entryUrl: string;
  trainerEntry?: string;
}

export interface NodeLab {
  service: LabService;
  dispatch: Dispatch;
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
  const service = new LabService({ launcher, version: options.version, locale: systemLocale(), host: options.host });
  return { service, dispatch: createDispatcher(service.handlers()), close: () => service.close() };
}
