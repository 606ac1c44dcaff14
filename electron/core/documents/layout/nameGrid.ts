/**
 * Name grids, as printed rolls set them: names in equal cells across the line (five a row on A4),
 * each centred in its cell, and a two-character name spaced to the width of three with an
 * ideographic space (王　军), so that the columns read evenly. A name too long for its cell breaks
 * inside it; a row takes the height of its tallest name and never splits across pages.
 */
import type { Layout, TextStyle } from './page';

export interface NameGridOptions {
  /** Where the grid's area starts on a fresh page, and where it ends (mm from the top). */
  top: number;
  bottom: number;
  left: number;
  width: number;
  /** Names a row (5 on A4 portrait). */
  perRow: number;
  style: TextStyle;
  /** Space between rows, mm. */
  rowGap?: number;
  /** Called on every new page the grid starts (running heads); may move the grid's top. */
  onNewPage?: () => number | void;
  /** Called for every name (progress and cancel). */
  onName?: (index: number) => void;
}

const han = /^\p{Script=Han}$/u;

/** The name as a grid sets it: two Han characters spaced to the width of three (王　军). */
export function gridName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 2 && chars.every((c) => han.test(c)) ? `${chars[0]}\u3000${chars[1]}` : name.trim();
}

/** Sets `names` (any iterable, read once) from `y` on; answers the y below the last row. */
export function drawNameGrid(layout: Layout, names: Iterable<string>, y: number, options: NameGridOptions): number {
  const cell = options.width / options.perRow;
  const lineHeight = layout.lineHeight(options.style);
  const gap = options.rowGap ?? lineHeight * 0.4;
  let at = y;
  let row: string[][] = [];
  let index = 0;
  const flush = () => {
    if (row.length === 0) return;
    const height = Math.max(...row.map((lines) => lines.length)) * lineHeight;
    if (at + height > options.bottom + 1e-6 && at > options.top + 1e-6) {
      layout.addPage();
      const top = options.onNewPage?.();
      at = typeof top === 'number' ? top : options.top;
    }
    row.forEach((lines, i) => layout.text(lines.join('\n'), { x: options.left + i * cell, y: at, width: cell }, { ...options.style, align: 'center' }));
    at += height + gap;
    row = [];
  };
  for (const name of names) {
    options.onName?.(index++);
    row.push(layout.lines(gridName(name), cell - 2, options.style).map((l) => l.text));
    if (row.length === options.perRow) flush();
  }
  flush();
  return at;
}
