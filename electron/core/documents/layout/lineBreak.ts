/**
 * Chinese line breaking (GB/T 15834 and the usual typesetting rules, 禁则): a line may break
 * between any two Han characters, but
 *   - no line starts with closing punctuation (，。、；：？！）》」』】〕〉”’…— and the like),
 *   - no line ends with opening punctuation (（《「『【〔〈“‘),
 *   - a run of Latin letters and digits (a certificate number, a year, a word) is not split
 *     unless it is longer than the line; a break at a space drops the space.
 * When a forbidden break is the only one that fits, the character before it is carried to the
 * next line with it (推入). Widths come from the caller (the font at its size).
 */

/** Must not start a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉〗〙〛”’…—～·%‰℃,.;:?!)]}>、ーぁぃぅぇぉっゃゅょ々〻']);
/** Must not end a line. */
const NO_END = new Set([...'（《「『【〔〈〖〘〚“‘([{<#￥$']);

const isWordChar = (ch: string) => /[A-Za-z0-9\-_./@'’]/.test(ch);

/** Unbreakable pieces: a word of Latin/digits (with the space after it), or one other character. */
function pieces(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    if (isWordChar(chars[i]!)) {
      let j = i;
      while (j < chars.length && isWordChar(chars[j]!)) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      out.push(chars[i]!);
      i++;
    }
  }
  return out;
}

/** Glues pieces that must stay together across a break: opening punctuation to what follows, closing to what precedes. */
function clusters(list: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const p of list) {
    const first = [...p][0]!;
    if (out.length > 0 && NO_START.has(first) && carry === '') {
      out[out.length - 1] += p;
      continue;
    }
    const last = [...p].at(-1)!;
    if (NO_END.has(last) && p.length === 1) {
      carry += p;
      continue;
    }
    out.push(carry + p);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * Splits one paragraph (no line breaks inside) into lines no wider than `width`, measuring with
 * `measure`. A cluster wider than a whole line is split by characters.
 */
export function breakParagraph(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const push = () => {
    lines.push(line.replace(/ +$/, ''));
    line = '';
    lineWidth = 0;
  };
  for (const cluster of clusters(pieces(text))) {
    const w = measure(cluster);
    if (lineWidth + w <= width + 1e-6) {
      line += cluster;
      lineWidth += w;
      continue;
    }
    if (line !== '') push();
    if (cluster === ' ') continue;
    if (w <= width + 1e-6) {
      line = cluster;
      lineWidth = w;
      continue;
    }
    // Longer than a line on its own: by characters.
    for (const ch of cluster) {
      const cw = measure(ch);
      if (lineWidth + cw > width + 1e-6 && line !== '') push();
      line += ch;
      lineWidth += cw;
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

export interface Line {
  text: string;
  /** The last line of its paragraph (not stretched when justified). */
  last: boolean;
}

/** Every paragraph of `text` (split at line breaks), broken into lines. */
export function breakLines(text: string, width: number, measure: (s: string) => number): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((paragraph) => breakParagraph(paragraph, width, measure).map((line, i, all) => ({ text: line, last: i === all.length - 1 })));
}

export const lineBreakRules = { NO_START, NO_END };
