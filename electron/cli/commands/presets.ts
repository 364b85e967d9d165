// `gradient-lab presets`: the ready-made experiments with what each demonstrates.
import { hiddenWidths } from '../../common/config';
import { PRESETS } from '../../common/presets';
import { table } from '../format';

export function presetsCommand(json: boolean, locale: string, out: NodeJS.WritableStream): number {
  if (json) {
    out.write(JSON.stringify(PRESETS) + '\n');
    return 0;
  }
  const lang = locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const rows = PRESETS.map((p) => {
    const m = p.config.model;
    return [p.id, `${m.activation}, ${hiddenWidths(m).join('-')}, ${m.initializer.kind}${m.batchNorm ? ', BN' : ''}${m.residual ? ', residual' : ''}`, p.name[lang]];
  });
  out.write(table(['PRESET', 'MODEL', 'WHAT IT SHOWS'], rows));
  for (const p of PRESETS) out.write(`\n${p.id}: ${p.description[lang]}\n`);
  return 0;
}
