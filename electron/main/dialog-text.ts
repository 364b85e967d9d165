// The few sentences main itself shows (error dialogs before or outside the window), in Japanese and English,
// chosen by the system language as the renderer's first choice is. The details they carry (which file, what to
// do) come from the service and are the same words the command line prints.

const en = {
  cannotStart: 'Gradient Lab cannot start',
  loadFailed: 'The window could not load {url}: {reason}. Reinstall Gradient Lab (in development: npm run build).',
  preloadFailed: "The window's bridge {path} failed: {reason}. Reinstall Gradient Lab (in development: npm run build).",
  serviceStopped: 'The Gradient Lab service stopped unexpectedly (exit code {code}). Runs saved so far are kept; start Gradient Lab again.',
};

const ja: typeof en = {
  cannotStart: 'Gradient Lab を起動できません',
  loadFailed: 'ウィンドウが {url} を読み込めませんでした：{reason}。Gradient Lab を再インストールしてください（開発中は npm run build）。',
  preloadFailed: 'ウィンドウのブリッジ {path} でエラーが発生しました：{reason}。Gradient Lab を再インストールしてください（開発中は npm run build）。',
  serviceStopped: 'Gradient Lab のサービスが予期せず停止しました（終了コード {code}）。保存済みの実行は残っています。Gradient Lab をもう一度起動してください。',
};

export type DialogKey = keyof typeof en;

export function dialogText(locale: string, key: DialogKey, params: Record<string, string | number> = {}): string {
  const table = locale.toLowerCase().startsWith('ja') ? ja : en;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
