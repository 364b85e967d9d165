// The handout: one self-contained HTML sheet of a comparison, to print or save as PDF from the browser's print
// dialog — title, date, the runs with their colours, the settings that differ, each chart as it is on screen
// (SVG inline, with its title, subtitle and legend; canvas layers as images) and a short explanation, in the
// chosen language. Nothing in it loads from anywhere else.

export interface HandoutChart {
  title: string;
  subtitle: string;
  /** The chart's SVG (or an <img> of a canvas) as markup, and its legend's markup. */
  body: string;
  legend: string;
}

export interface Handout {
  lang: 'ja' | 'en';
  title: string;
  date: string;
  runsTitle: string;
  runs: { name: string; colour: string }[];
  diffTitle: string;
  diffHeader: string;
  diff: { field: string; values: string[] }[];
  charts: HandoutChart[];
  explanationTitle: string;
  explanation: string[];
  /** When runs are of paper presets: each paper's citation, its claim and the runs' (and pairs') verdicts. */
  papers?: HandoutPapers;
}

export interface HandoutPapers {
  title: string;
  saysLabel: string;
  showsLabel: string;
  entries: { citation: string; claims: string[]; rows: { colours: string[]; label: string; verdict: string; detail: string }[] }[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function handoutHtml(h: Handout): string {
  const swatch = (c: string) => `<span class="sw" style="background:${esc(c)}"></span>`;
  return `<!doctype html>
<html lang="${h.lang}"><head><meta charset="utf-8"><title>${esc(h.title)}</title>
<style>
  body { font-family: 'Gradient Lab JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', system-ui, sans-serif; color: #1b2130; margin: 1.5cm; font-size: 11pt; }
  svg { font-family: 'Gradient Lab JP', 'Noto Sans JP', system-ui, sans-serif; }
  h1 { font-size: 18pt; margin: 0 0 0.2em; } h2 { font-size: 13pt; margin: 1.2em 0 0.4em; }
  .date { color: #5b6478; margin: 0 0 1em; }
  table { border-collapse: collapse; } th, td { border: 1px solid #d9deea; padding: 0.2em 0.6em; text-align: left; }
  .sw { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; margin-right: 0.4em; vertical-align: -0.1em; }
  figure { margin: 0 0 1em; break-inside: avoid; } figure h3 { margin: 0; font-size: 12pt; } figure p { margin: 0.1em 0 0.4em; color: #5b6478; font-size: 9.5pt; }
  figure svg, figure img { max-width: 100%; height: auto; } .legend { font-size: 9.5pt; display: flex; flex-wrap: wrap; gap: 0.3em 1em; }
  .paper { break-inside: avoid; margin: 0 0 1em; } .paper .cite { color: #5b6478; font-size: 9.5pt; margin: 0 0 0.3em; }
  .paper .verdict { font-weight: 700; }
  @media print { body { margin: 0; } }
</style></head><body>
<h1 data-handout-title>${esc(h.title)}</h1>
<p class="date">${esc(h.date)}</p>
<h2>${esc(h.runsTitle)}</h2>
<ul data-handout-runs>${h.runs.map((r) => `<li>${swatch(r.colour)}${esc(r.name)}</li>`).join('')}</ul>
<h2>${esc(h.diffTitle)}</h2>
<table data-handout-diff><thead><tr><th>${esc(h.diffHeader)}</th>${h.runs.map((r) => `<th>${swatch(r.colour)}${esc(r.name)}</th>`).join('')}</tr></thead>
<tbody>${h.diff.map((d) => `<tr><th>${esc(d.field)}</th>${d.values.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>
${h.papers && h.papers.entries.length ? papersHtml(h.papers, swatch, h.lang === 'ja' ? '' : ' ') : ''}
${h.charts.map((c) => `<figure data-handout-chart><h3>${esc(c.title)}</h3><p>${esc(c.subtitle)}</p>${c.body}<div class="legend">${c.legend}</div></figure>`).join('\n')}
<h2>${esc(h.explanationTitle)}</h2>
${h.explanation.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</body></html>`;
}

/** `gap`: between two sentences (none in Japanese). */
function papersHtml(p: HandoutPapers, swatch: (c: string) => string, gap: string): string {
  const entry = (e: HandoutPapers['entries'][number]) => `<section class="paper" data-handout-paper>
<p class="cite">${esc(e.citation)}</p>
<p><strong>${esc(p.saysLabel)}</strong> ${e.claims.map(esc).join(gap)}</p>
<p><strong>${esc(p.showsLabel)}</strong></p>
<ul>${e.rows.map((r) => `<li data-handout-verdict>${r.colours.map(swatch).join('')}${esc(r.label)} — <span class="verdict">${esc(r.verdict)}</span> ${esc(r.detail)}</li>`).join('')}</ul>
</section>`;
  return `<h2>${esc(p.title)}</h2>\n${p.entries.map(entry).join('\n')}`;
}

/** The charts of a view as the handout shows them: SVG inline, canvas layers drawn into images. */
export function chartsOf(root: ParentNode): HandoutChart[] {
  return [...root.querySelectorAll<HTMLElement>('figure[data-testid^="chart-"]')].map((fig) => {
    const body = fig.querySelector('.body');
    const parts: string[] = [];
    for (const canvas of body?.querySelectorAll('canvas') ?? []) {
      try {
        parts.push(`<img alt="" src="${canvas.toDataURL('image/png')}">`);
      } catch {
        // A canvas that cannot be read is left out; its SVG axes still follow.
      }
    }
    for (const svg of body?.querySelectorAll('svg[data-chart]') ?? []) parts.push(svg.outerHTML);
    return {
      title: fig.querySelector('[data-chart-title]')?.textContent?.trim() ?? '',
      subtitle: fig.querySelector('[data-chart-subtitle]')?.textContent?.trim() ?? '',
      body: parts.join(''),
      legend: fig.querySelector('[data-chart-legend]')?.innerHTML ?? '',
    };
  });
}
