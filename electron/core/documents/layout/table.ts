/**
 * Tables over pages: the header row repeats at the top of every page the table runs onto; a row
 * that does not fit the rest of a page starts the next one, and a row taller than a whole page is
 * split between two of its lines, never through a line. Every cell is a text box with Chinese
 * line breaking. Ledgers, lists and the roll's sections are tables.
 */
import type { Layout, TextStyle } from './page';

export interface Column<R> {
  title: string;
  /** mm */
  width: number;
  value: (row: R) => string;
  align?: TextStyle['align'];
}

export interface TableOptions {
  /** Where the table's area starts on a fresh page, and where it ends (mm from the top). */
  top: number;
  bottom: number;
  left: number;
  style: TextStyle;
  headerStyle?: TextStyle;
  /** Padding inside a cell, mm. */
  padding?: number;
  /** Rows at least this tall (a signature column needs room), mm. */
  minRowHeight?: number;
  /** Called on every new page the table starts (running heads); may move the table's top. */
  onNewPage?: () => number | void;
  /** Called between rows so a long table can report progress and be cancelled. */
  onRow?: (index: number) => void;
}

/**
 * Draws the table from `y` on the current page (a page must exist); returns where it ended.
 */
export function drawTable<R>(layout: Layout, columns: readonly Column<R>[], rows: Iterable<R>, y: number, options: TableOptions): number {
  const pad = options.padding ?? 1.5;
  const style = options.style;
  const headerStyle = options.headerStyle ?? style;
  const lineHeight = layout.lineHeight(style);
  const width = columns.reduce((sum, c) => sum + c.width, 0);

  const cellLines = (column: Column<R>, text: string, s: TextStyle) => layout.lines(text, column.width - 2 * pad, s).map((l) => l.text);

  const drawRowLines = (texts: string[][], s: TextStyle, top: number, height: number) => {
    let x = options.left;
    columns.forEach((column, i) => {
      const lines = texts[i]!;
      if (lines.length > 0) layout.text(lines.join('\n'), { x: x + pad, y: top + pad, width: column.width - 2 * pad + 0.01 }, { ...s, align: column.align ?? s.align });
      layout.line(x, top, x, top + height);
      x += column.width;
    });
    layout.line(x, top, x, top + height);
    layout.line(options.left, top, options.left + width, top);
    layout.line(options.left, top + height, options.left + width, top + height);
  };

  const header = columns.map((c) => cellLines(c, c.title, headerStyle));
  const headerHeight = Math.max(...header.map((l) => l.length)) * layout.lineHeight(headerStyle) + 2 * pad;
  const drawHeader = (top: number) => {
    layout.fillRect(options.left, top, width, headerHeight, '#f0f0f0');
    drawRowLines(header, { ...headerStyle, align: 'center', fixed: true }, top, headerHeight);
    return top + headerHeight;
  };
  const newPage = () => {
    layout.addPage();
    const top = options.onNewPage?.();
    return drawHeader(typeof top === 'number' ? top : options.top);
  };

  let at = drawHeader(y);
  let rowsOnPage = 0;
  const nextPage = () => {
    at = newPage();
    rowsOnPage = 0;
  };
  // Any iterable: a long roll streams its rows from the database a page at a time.
  let index = 0;
  const drawRow = (row: R) => {
    options.onRow?.(index++);
    let texts = columns.map((c) => cellLines(c, c.value(row), style));
    for (;;) {
      const lines = Math.max(1, ...texts.map((t) => t.length));
      const height = Math.max(lines * lineHeight + 2 * pad, options.minRowHeight ?? 0);
      if (at + height <= options.bottom + 1e-6) {
        drawRowLines(texts, style, at, height);
        at += height;
        rowsOnPage++;
        return;
      }
      const room = Math.floor((options.bottom - at - 2 * pad + 1e-6) / lineHeight);
      // A row that fits a page of its own starts the next page rather than splitting.
      if ((rowsOnPage > 0 && height <= options.bottom - options.top - headerHeight) || room < 1) {
        nextPage();
        continue;
      }
      // Taller than a page: the lines that fit here, the rest on the next page.
      drawRowLines(
        texts.map((t) => t.slice(0, room)),
        style,
        at,
        room * lineHeight + 2 * pad,
      );
      texts = texts.map((t) => t.slice(room));
      nextPage();
    }
  };
  for (const row of rows) drawRow(row);
  return at;
}
