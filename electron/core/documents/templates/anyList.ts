/**
 * Any list: the current filtered list of a page (the roll, households, awards, letters) as a
 * table with the columns the user chose, the filter said in words under the title, the header on
 * every page, "内部资料" and "第 N 页 共 M 页" at the foot. Pure over plain rows of strings: the
 * caller has already masked what the user's role may not see.
 */
import type { CoverageCheck } from '../fonts';
import { printDate, type DateStyle } from '../dates';
import { A4, Layout, pageNumberText, type TextStyle } from '../layout/page';
import { drawTable, type Column } from '../layout/table';

export interface ListColumn {
  title: string;
  /** Relative width (the columns share the page's width by these); 1 by default. */
  weight?: number;
  align?: TextStyle['align'];
}

export interface AnyListData {
  title: string;
  /** The filter in words: 时期：抗日战争；状态：已核实；关键词：王. '' prints 全部. */
  filter: string;
  columns: readonly ListColumn[];
  /** One array of cell texts per row, in the columns' order. */
  rows: readonly (readonly string[])[];
  issuer: string;
  dateStyle: DateStyle;
  /** ISO date printed under the title. */
  date: string;
  /** Many columns: landscape. */
  landscape?: boolean;
  /** The register's serial, printed at every page's foot after 内部资料. */
  serial?: string;
}

export function checkAnyList(check: CoverageCheck, data: AnyListData): void {
  check.check('sans', data.title, '标题 title', data.title);
  check.check('sans', data.title, '筛选条件 filter', data.filter);
  data.columns.forEach((c) => check.check('sans', data.title, `列名 ${c.title}`, c.title));
  data.rows.forEach((row, i) => {
    const record = `${data.title} 第${i + 1}行${row[0] ? `（${row[0]}）` : ''}`;
    row.forEach((cell, j) => check.check('sans', record, data.columns[j]?.title ?? `第${j + 1}列`, cell));
  });
}

const M = 14;

export function anyListPageSize(data: Pick<AnyListData, 'landscape'>): { width: number; height: number } {
  return data.landscape ? { width: A4.height, height: A4.width } : A4;
}

/** Draws the list into `layout` (made with anyListPageSize); `onRow` reports progress. */
export function drawAnyList(layout: Layout, data: AnyListData, onRow?: (index: number) => void): void {
  if (data.columns.length === 0) throw new Error('a list needs at least one column');
  const W = layout.pageWidth;
  const usable = W - 2 * M - 12;
  const total = data.columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const columns: Column<{ index: number; cells: readonly string[] }>[] = [
    { title: '序号', width: 12, value: (r) => String(r.index), align: 'center' },
    ...data.columns.map((c, i) => ({ title: c.title, width: (usable * (c.weight ?? 1)) / total, value: (r: { cells: readonly string[] }) => r.cells[i] ?? '', align: c.align })),
  ];
  const small: TextStyle = { font: 'sans', size: 9, leading: 1.3 };
  layout.addPage();
  layout.text(data.title, { x: M, y: 12, width: W - 2 * M }, { font: 'sans', size: 16, leading: 1.3, align: 'center', tracking: 1 });
  const filter = `筛选条件：${data.filter || '全部'}　　共 ${data.rows.length} 条`;
  const used = layout.text(filter, { x: M, y: 22, width: W - 2 * M - 70 }, small);
  layout.text(`${data.issuer}　${printDate(data.date, data.dateStyle)}`, { x: W - M - 70, y: 22, width: 70 }, { ...small, align: 'right' });
  const top = 22 + Math.max(used.height, layout.lineHeight(small)) + 2;
  drawTable(
    layout,
    columns,
    data.rows.map((cells, i) => ({ index: i + 1, cells })),
    top,
    { top: 14, bottom: layout.pageHeight - 16, left: M, style: { font: 'sans', size: 9, leading: 1.35 }, headerStyle: { font: 'sans', size: 9.5, leading: 1.35 }, onRow },
  );
  layout.finishPages((page, count) => {
    layout.text(data.serial ? `内部资料　编号：${data.serial}` : '内部资料', { x: M, y: layout.pageHeight - 11, width: 80 }, small);
    layout.text(pageNumberText(page, count), { x: M, y: layout.pageHeight - 11, width: W - 2 * M }, { ...small, align: 'center' });
    if (page > 1) layout.text(data.title, { x: W - M - 120, y: layout.pageHeight - 11, width: 120 }, { ...small, align: 'right', color: '#555555' });
  });
}

/** The list as a PDF. */
export async function anyListPdf(fontsDir: string, data: AnyListData, onRow?: (index: number) => void): Promise<Buffer> {
  const layout = new Layout(fontsDir, { title: data.title, author: data.issuer, subject: data.filter, size: anyListPageSize(data) });
  drawAnyList(layout, data, onRow);
  return layout.toBuffer();
}
