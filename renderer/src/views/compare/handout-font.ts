// The handout's own Japanese font: the bundled Noto Sans JP ("Gradient Lab JP") comes in about 125 woff2
// pieces, each for one unicode-range. The handout embeds, as data: URLs, only the pieces that hold a character
// the handout uses, so the saved HTML (and the PDF printed from it) shows Japanese on a machine with no
// Japanese font. Bounded: the pieces embedded are those covering the most of the handout's characters, up to
// FONT_BUDGET bytes of font data (a Japanese comparison sheet of two runs needs about 80 small pieces: a file of
// about 1.2 MB in all); a character in a piece left out falls back to the system's fonts. An English sheet
// embeds only the pieces of its few symbols beyond Latin-1 (‖, ∂, η, —: about 0.2 MB).

/** The family the app's stylesheet names its bundled Japanese font by. */
export const HANDOUT_FONT_FAMILY = 'Gradient Lab JP';
/** The most font bytes (before base64) one handout embeds. */
export const FONT_BUDGET = 2_500_000;

interface Piece {
  rule: CSSFontFaceRule;
  url: string;
  ranges: [number, number][];
}

/** "U+3000-303F, U+4E00" as closed code point ranges (a "?" wildcard spans its hex digit). */
export function parseUnicodeRange(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16);
    out.push([lo, hi]);
  }
  return out;
}

/** The pieces of the bundled font in the page's stylesheets. */
function pieces(doc: Document): Piece[] {
  const out: Piece[] = [];
  for (const sheet of doc.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    const walk = (list: CSSRuleList) => {
      for (const rule of list) {
        if (rule instanceof CSSImportRule && rule.styleSheet) walk(rule.styleSheet.cssRules);
        if (!(rule instanceof CSSFontFaceRule)) continue;
        if (rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim() !== HANDOUT_FONT_FAMILY) continue;
        const src = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue('src'));
        if (!src) continue;
        const url = new URL(src[1]!, sheet.href ?? doc.baseURI).toString();
        out.push({ rule, url, ranges: parseUnicodeRange(rule.style.getPropertyValue('unicode-range') || 'U+0-10FFFF') });
      }
    };
    walk(rules);
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * @font-face rules with data: URLs for the characters of `text` beyond Latin-1 (the system's fonts draw Latin),
 * and how many font bytes they carry. Empty when the text needs none or the font is not in the page.
 */
export async function embeddedFontFaces(text: string, doc: Document = document): Promise<{ css: string; bytes: number; pieces: number }> {
  const chars = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xff) chars.add(cp);
  }
  if (!chars.size) return { css: '', bytes: 0, pieces: 0 };
  const covering = pieces(doc)
    .map((p) => ({ p, n: [...chars].filter((cp) => p.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n);
  const rules: string[] = [];
  let bytes = 0;
  for (const { p } of covering) {
    let data: Uint8Array;
    try {
      const res = await fetch(p.url);
      if (!res.ok) continue;
      data = new Uint8Array(await res.arrayBuffer());
    } catch {
      continue;
    }
    if (bytes + data.length > FONT_BUDGET) continue;
    bytes += data.length;
    rules.push(p.rule.cssText.replace(/url\([^)]*\)/, `url(data:font/woff2;base64,${base64(data)})`));
  }
  return { css: rules.join('\n'), bytes, pieces: rules.length };
}

/** The handout's HTML with the font rules first in its stylesheet (the sheet names the family first). */
export function withFontFaces(html: string, css: string): string {
  return css ? html.replace('<style>', () => `<style>\n${css}`) : html;
}
