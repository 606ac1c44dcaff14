/**
 * The shapes readTable hands out, shared by the xlsx and CSV readers.
 */
import type { Cell } from './cells';
import type { MergedRange } from './workbookParts';

export type { Cell, MergedRange };

/**
 * Merged cells: 'repeat' (the default) copies the top-left value into every cell of the merged
 * area, so a 籍贯 or 牺牲时间 merged down over several people reaches each of their rows, and a
 * header cell merged over two columns names both. 'topLeft' leaves the value where Excel stores
 * it and the rest of the area empty. A title merged across the top repeats into one row with a
 * single distinct value, which header detection never takes for the header.
 */
export type MergedCellsMode = 'repeat' | 'topLeft';

export interface ReadTableOptions {
  /** Read only this sheet: its name, or its 0-based position in `sheetNames`. */
  sheet?: string | number;
  /** Without `sheet`: read only the first visible sheet rather than all of them. */
  firstVisibleOnly?: boolean;
  /** Stop each sheet after this many rows (the preview); `truncated` says it happened. */
  maxRows?: number;
  mergedCells?: MergedCellsMode;
  /** Called every 1,000 rows with the rows read so far; it may throw to stop (a cancelled job). */
  onRows?: (rowsRead: number) => void;
}

export interface TableSheet {
  name: string;
  hidden: boolean;
  /**
   * rows[i] is sheet row i + 1 (blank rows are kept as [], so indexes match Excel's row numbers
   * and a CSV's record numbers); trailing blank rows are dropped. Rows are as long as their last
   * non-empty cell; read past the end as null.
   */
  rows: Cell[][];
  /** True when `maxRows` stopped the reading before the end of the sheet. */
  truncated: boolean;
  /** xlsx merged ranges, 0-based inclusive (CSV: none). */
  merges: MergedRange[];
}

export interface Table {
  format: 'xlsx' | 'csv';
  /** Every worksheet in tab order (CSV: one, named after the file). */
  sheetNames: string[];
  /** The sheets read: all of them, or the one asked for. */
  sheets: TableSheet[];
  /** xlsx: the workbook counts dates from 1904 (old Mac Excel); for cellText/cellDate. */
  date1904: boolean;
  /** CSV: the encoding found and the delimiter used. */
  encoding?: 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';
  delimiter?: string;
}
