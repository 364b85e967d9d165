// Strings of the workshop features: the toy set's predictions, the Train view's alerts when the host is gone
// or a sweep moves on, presenter mode, the handout, the queue and the "change one thing" experiments.
const en = {
  'workshop.toy.title': 'Test customers: predicted / probability',
  'workshop.toy.subtitle': '{wrong} of {total} shown customers predicted wrongly.',
  'workshop.toy.col.example': 'Customer',
  'workshop.toy.col.truth': 'Actually',
  'workshop.toy.col.predicted': 'Predicted',
  'workshop.toy.col.prob': 'Probability',
  'workshop.toy.class.0': 'does not sign',
  'workshop.toy.class.1': 'signs',
  'workshop.toy.wrong': 'wrong',
  'workshop.host.lost': 'The connection to the lab’s host was lost: this run’s state is unknown and nothing more will arrive. Restart the lab (or the `serve` command) and reopen the run from History.',
  'workshop.sweep.next': 'The sweep moved on to run #{id}.',
  'workshop.presenter': 'Presenter mode',
  'workshop.presenter.keys': 'P: presenter mode · S: start / stop · → / ←: next / previous Learn step · C: next chart full screen (Shift+C: previous) · Esc: leave full screen',
  'workshop.queue.add': 'Add to queue',
  'workshop.queue.title': 'Waiting in the queue ({n})',
  'workshop.queue.up': 'Move up',
  'workshop.queue.down': 'Move down',
  'workshop.queue.cancel': 'Cancel',
  'sweep.start.variant': 'Run the tutorial’s variants ({count} runs)',
  'workshop.one.title': 'Change one thing',
  'workshop.one.explain': 'Each button changes a single setting of the run on screen (or of the preset), so the next run isolates that remedy. Then press Start.',
  'workshop.queue.added': 'Run #{id} was added to the queue; it starts when the runs before it end.',
} as const;

const ja: Record<keyof typeof en, string> = {
  'workshop.toy.title': 'テスト用の顧客：予測 / 確率',
  'workshop.toy.subtitle': '表示した {total} 人中 {wrong} 人の予測が誤り。',
  'workshop.toy.col.example': '顧客',
  'workshop.toy.col.truth': '実際',
  'workshop.toy.col.predicted': '予測',
  'workshop.toy.col.prob': '確率',
  'workshop.toy.class.0': '契約しない',
  'workshop.toy.class.1': '契約する',
  'workshop.toy.wrong': '誤り',
  'workshop.host.lost': 'ラボのホストとの接続が切れました。この実行の状態は分からず、これ以上データは届きません。ラボ（または `serve` コマンド）を再起動し、履歴から実行を開き直してください。',
  'workshop.sweep.next': 'スイープは次の実行 #{id} に進みました。',
  'workshop.presenter': 'プレゼンモード',
  'workshop.presenter.keys': 'P：プレゼンモード · S：開始 / 停止 · → / ←：「しくみ」の次 / 前のステップ · C：次のグラフを全画面に（Shift+C：前のグラフ） · Esc：全画面をやめる',
  'workshop.queue.add': 'キューに追加',
  'workshop.queue.title': 'キューで待っている実行（{n} 件）',
  'workshop.queue.up': '上へ移動',
  'workshop.queue.down': '下へ移動',
  'workshop.queue.cancel': '取り消す',
  'sweep.start.variant': 'チュートリアルの変更版を実行（{count} 件）',
  'workshop.one.title': '1つだけ変える',
  'workshop.one.explain': 'ボタンごとに、表示中の実行（またはプリセット）の設定を1つだけ変えます。次の実行で、その対策だけの効果を確かめられます。変えたら「開始」を押してください。',

  'workshop.queue.added': '実行 #{id} をキューに追加しました。前の実行が終わると始まります。',
};

export default { en, ja };
