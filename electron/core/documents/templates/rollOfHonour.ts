/**
 * 烈士英名录 — the roll of honour as a book: a cover, an editable preface, a table of contents,
 * then one section per historical period or division, each a table of its martyrs in the order
 * given (the caller sorts by shared/rules/strokeOrder, the convention the user chose), with the
 * section's title as running head and "第 N 页 共 M 页" on every page but the cover.
 *
 * The table of contents needs the page each section starts on, known only after layout. Its
 * length depends only on the number of sections (one line each, a fixed number a page), so its
 * pages are reserved before the sections and their lines written once the book is laid out, with
 * the running heads (the pages are buffered): one pass, so a section's entries may be streamed
 * from the database (any iterable) and are read once.
 */
import type { CoverageCheck } from '../fonts';
import { printDate, type DateStyle } from '../dates';
import { Layout, pageNumberText, type TextStyle } from '../layout/page';
import { drawTable, type Column } from '../layout/table';
import { drawNameGrid } from '../layout/nameGrid';

export interface RollEntry {
  /** How a coverage problem names the record (the name and its number); the name when absent. */
  record?: string;
  name: string;
  nativePlace: string;
  /** As the roll prints them: verbatim or normalized by the caller (1921年3月, 约1938年). */
  birth: string;
  death: string;
  unitAndPost: string;
  deathPlace: string;
}

export interface RollSection {
  /** A historical period (抗日战争时期) or a division (石庙镇). */
  title: string;
  /** In print order; any iterable (a job streams them from the database). */
  entries: Iterable<RollEntry>;
  /** The number of entries ("共 N 名"); an array's length when absent. */
  count?: number;
  /** Printed as a name grid (names only, five a row) rather than a table of entries. */
  grid?: boolean;
}

const countOf = (section: RollSection): number => section.count ?? (Array.isArray(section.entries) ? section.entries.length : 0);

export interface RollOfHonourData {
  /** 惠民县烈士英名录. */
  title: string;
  issuer: string;
  dateStyle: DateStyle;
  /** ISO date on the cover. */
  date: string;
  /** The register's serial, printed on the cover. */
  serial?: string;
  /** Paragraphs separated by line breaks; '' leaves the preface out. */
  preface: string;
  sections: readonly RollSection[];
}

export function checkRollOfHonour(check: CoverageCheck, data: RollOfHonourData): void {
  check.check('kai', data.title, '书名 title', data.title);
  check.check('kai', data.title, '编印单位 issuer', data.issuer);
  check.check('kai', data.title, '前言 preface', data.preface);
  for (const section of data.sections) {
    check.check('kai', section.title, '分卷 section', section.title);
    for (const e of section.entries) {
      const record = e.record ?? e.name;
      // A name grid prints only the names, in kai.
      if (section.grid) {
        check.check('kai', record, '姓名 name', e.name);
        continue;
      }
      check.check('sans', record, '姓名 name', e.name);
      check.check('sans', record, '籍贯 nativePlace', e.nativePlace);
      check.check('sans', record, '出生 birth', e.birth);
      check.check('sans', record, '牺牲 death', e.death);
      check.check('sans', record, '生前单位及职务 unitAndPost', e.unitAndPost);
      check.check('sans', record, '牺牲地点 deathPlace', e.deathPlace);
    }
  }
}

const M = 18;
const BODY_TOP = 30;
const BODY_BOTTOM = 297 - 20;
const TOC_LINES = 28;
const TOC_LINE = 8.5;

const cell: TextStyle = { font: 'sans', size: 9.5, leading: 1.35 };
const gridStyle: TextStyle = { font: 'kai', size: 14, leading: 1.7 };
const heading: TextStyle = { font: 'kai', size: 20, leading: 1.3, align: 'center', tracking: 3 };

const columns: Column<RollEntry & { index: number }>[] = [
  { title: '序号', width: 12, value: (e) => String(e.index), align: 'center' },
  { title: '姓名', width: 24, value: (e) => e.name, align: 'center' },
  { title: '籍贯', width: 32, value: (e) => e.nativePlace },
  { title: '生卒年月', width: 38, value: (e) => [e.birth, e.death].filter(Boolean).join('—') || '不详', align: 'center' },
  { title: '生前单位及职务', width: 42, value: (e) => e.unitAndPost },
  { title: '牺牲地点', width: 26, value: (e) => e.deathPlace },
];

export interface RollLayoutResult {
  /** 1-based page each section starts on. */
  sectionPages: number[];
  pages: number;
}

/** The book into a fresh layout. */
function layOut(layout: Layout, data: RollOfHonourData, onRow?: () => void): RollLayoutResult {
  const W = layout.pageWidth;
  const heads = new Map<number, string>();
  const markHead = (title: string) => heads.set(layout.pageCount, title);
  // Cover.
  layout.addPage();
  layout.rect(14, 14, W - 28, layout.pageHeight - 28, 0.8, '#7f0000');
  layout.text(data.title, { x: 20, y: 100, width: W - 40 }, { font: 'kai', size: 36, leading: 1.4, align: 'center', tracking: 6, color: '#7f0000' });
  layout.text(data.issuer, { x: 20, y: 220, width: W - 40 }, { font: 'kai', size: 16, leading: 1.5, align: 'center' });
  layout.text(printDate(data.date, data.dateStyle), { x: 20, y: 230, width: W - 40 }, { font: 'kai', size: 14, leading: 1.5, align: 'center' });
  if (data.serial) layout.text(`编号：${data.serial}`, { x: 20, y: layout.pageHeight - 30, width: W - 40 }, { font: 'kai', size: 10, leading: 1.3, align: 'center' });
  // Preface, over as many pages as it takes.
  if (data.preface.trim() !== '') {
    const body: TextStyle = { font: 'kai', size: 14, leading: 1.9, align: 'justify' };
    let lines = layout.lines(data.preface.trim(), W - 2 * M, body).map((l) => l);
    let first = true;
    while (lines.length > 0) {
      layout.addPage();
      markHead('前言');
      let y = BODY_TOP;
      if (first) {
        layout.text('前　言', { x: M, y, width: W - 2 * M }, heading);
        y += 18;
      }
      first = false;
      const fit = Math.max(1, Math.floor((BODY_BOTTOM - y) / layout.lineHeight(body)));
      // Each line is set as its own paragraph, justified unless it ended one in the source.
      lines.slice(0, fit).forEach((l, i) => layout.text(l.text, { x: M, y: y + i * layout.lineHeight(body), width: W - 2 * M }, { ...body, align: l.last ? 'left' : 'justify' }));
      lines = lines.slice(fit);
    }
  }
  // Table of contents: a fixed number of lines a page, reserved now, its lines written at the end.
  const tocPages = new Map<number, number>();
  for (let from = 0; from < Math.max(1, data.sections.length); from += TOC_LINES) {
    layout.addPage();
    markHead('目录');
    tocPages.set(layout.pageCount, from);
    layout.text('目　录', { x: M, y: BODY_TOP, width: W - 2 * M }, heading);
  }
  const tocStyle: TextStyle = { font: 'kai', size: 13, leading: 1.4 };
  const drawToc = (from: number, sectionPages: readonly number[]) => {
    data.sections.slice(from, from + TOC_LINES).forEach((section, i) => {
      const y = BODY_TOP + 18 + i * TOC_LINE;
      const titleWidth = W - 2 * M - 20;
      const [first] = layout.lines(section.title, titleWidth, tocStyle);
      const title = first!.text + (first!.text.length < section.title.length ? '…' : '');
      layout.text(title, { x: M, y, width: titleWidth }, tocStyle);
      const from0 = M + layout.measure(title, tocStyle) + 2;
      const to = W - M - 14;
      const dot = layout.measure('·', tocStyle);
      if (to > from0) layout.text('·'.repeat(Math.floor((to - from0) / dot)), { x: from0, y, width: to - from0 + 1 }, tocStyle);
      layout.text(String(sectionPages[from + i]), { x: W - M - 14, y, width: 14 }, { ...tocStyle, align: 'right' });
    });
  };
  // Sections.
  const sectionPages: number[] = [];
  for (const section of data.sections) {
    layout.addPage();
    sectionPages.push(layout.pageCount);
    markHead(section.title);
    layout.text(section.title, { x: M, y: BODY_TOP, width: W - 2 * M }, heading);
    layout.text(`共 ${countOf(section)} 名`, { x: M, y: BODY_TOP + 11, width: W - 2 * M }, { font: 'kai', size: 11, leading: 1.3, align: 'center' });
    const entries = section.entries;
    if (section.grid) {
      const names = {
        *[Symbol.iterator]() {
          for (const e of entries) yield e.name;
        },
      };
      drawNameGrid(layout, names, BODY_TOP + 22, { top: BODY_TOP, bottom: BODY_BOTTOM, left: M, width: W - 2 * M, perRow: 5, style: gridStyle, onNewPage: () => void markHead(section.title), onName: onRow });
      continue;
    }
    const rows = {
      *[Symbol.iterator]() {
        let index = 0;
        for (const e of entries) yield { ...e, index: ++index };
      },
    };
    drawTable(layout, columns, rows, BODY_TOP + 19, {
      top: BODY_TOP,
      bottom: BODY_BOTTOM,
      left: M + (W - 2 * M - 174) / 2,
      style: cell,
      headerStyle: { ...cell, size: 10 },
      onNewPage: () => {
        markHead(section.title);
      },
      onRow,
    });
  }
  // Running heads and page numbers.
  let head = '';
  layout.finishPages((page, total) => {
    head = heads.get(page) ?? head;
    const toc = tocPages.get(page);
    if (toc !== undefined) drawToc(toc, sectionPages);
    if (page === 1) return;
    const small: TextStyle = { font: 'kai', size: 10, leading: 1.3 };
    layout.text(`${data.title}　·　${head}`, { x: M, y: 13, width: W - 2 * M }, { ...small, align: 'center' });
    layout.line(M, 20, W - M, 20, 0.3);
    layout.text(pageNumberText(page, total), { x: M, y: layout.pageHeight - 14, width: W - 2 * M }, { ...small, align: 'center' });
  });
  return { sectionPages, pages: layout.pageCount };
}

/** The whole book as a PDF; `onRow` is called for every entry (progress and cancel of the job). */
export async function rollOfHonourPdf(fontsDir: string, data: RollOfHonourData, onRow?: () => void): Promise<{ pdf: Buffer } & RollLayoutResult> {
  const layout = new Layout(fontsDir, { title: data.title, author: data.issuer, subject: '烈士英名录' });
  const result = layOut(layout, data, onRow);
  return { pdf: await layout.toBuffer(), ...result };
}
