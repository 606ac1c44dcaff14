import { describe, expect, it } from 'vitest';
import { Layout, pageNumberText, type FormOffset } from '../../../../../electron/core/documents/layout/page';
import { drawTable, type Column } from '../../../../../electron/core/documents/layout/table';
import { FONTS_DIR, fonts, info, linesOf, pagesText, words, type Word } from './pdfTools';

const newLayout = (offset?: FormOffset, fieldsOnly = false) => new Layout(FONTS_DIR, { title: '测试', author: '测试', offset, fieldsOnly });

/** Words grouped into lines by their top (mm), in order down the page. */
function textLines(ws: Word[]): { y: number; xMin: number; xMax: number; text: string }[] {
  const lines: { y: number; xMin: number; xMax: number; text: string }[] = [];
  for (const w of [...ws].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.y - w.yMin) < 1);
    if (line) {
      line.xMin = Math.min(line.xMin, w.xMin);
      line.xMax = Math.max(line.xMax, w.xMax);
      line.text += w.text;
    } else lines.push({ y: w.yMin, xMin: w.xMin, xMax: w.xMax, text: w.text });
  }
  return lines;
}

const PARAGRAPH = '　　该同志一九四七年参加中国人民解放军，历任战士、班长、排长，在解放战争中英勇作战，多次负伤不下火线，荣立二等功两次、三等功三次，一九四八年在淮海战役中壮烈牺牲，年仅二十三岁。';

describe('Layout', () => {
  it('justifies every line of a paragraph to the box but the last', async () => {
    const layout = newLayout();
    layout.addPage();
    layout.text(PARAGRAPH, { x: 30, y: 40, width: 100 }, { font: 'kai', size: 14, align: 'justify' });
    const lines = textLines(words(await layout.toBuffer()));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines.slice(0, -1)) {
      expect(l.xMax).toBeGreaterThan(129);
      expect(l.xMax).toBeLessThan(131);
    }
    expect(lines.at(-1)!.xMax).toBeLessThan(125);
    expect(lines.map((l) => l.text).join('')).toBe(PARAGRAPH.replace(/　/g, ''));
  });

  it('centres and right-aligns', async () => {
    const layout = newLayout();
    layout.addPage();
    layout.text('居中标题', { x: 0, y: 20, width: 210 }, { font: 'kai', size: 20, align: 'center' });
    layout.text('右对齐', { x: 100, y: 50, width: 80 }, { font: 'sans', size: 12, align: 'right' });
    const ws = words(await layout.toBuffer());
    const title = textLines(ws.filter((w) => w.yMin < 40))[0]!;
    expect(Math.abs((title.xMin + title.xMax) / 2 - 105)).toBeLessThan(1);
    const right = textLines(ws.filter((w) => w.yMin > 40))[0]!;
    expect(Math.abs(right.xMax - 180)).toBeLessThan(0.8);
  });

  it('cuts text at a whole line when the box has a height, and says how much is left', () => {
    const layout = newLayout();
    layout.addPage();
    const style = { font: 'kai', size: 14 } as const;
    const all = layout.lines(PARAGRAPH, 100, style).length;
    const used = layout.text(PARAGRAPH, { x: 30, y: 40, width: 100, height: layout.lineHeight(style) * 2 + 0.5 }, style);
    expect(used.overflow).toBe(all - 2);
    expect(used.height).toBeCloseTo(layout.lineHeight(style) * 2);
  });

  it('puts "第 N 页 共 M 页" on every page', async () => {
    const layout = newLayout();
    for (let i = 0; i < 5; i++) {
      layout.addPage();
      layout.text(`正文第${i + 1}页`, { x: 20, y: 20, width: 170 }, { font: 'sans', size: 12 });
    }
    layout.finishPages((page, total) => layout.text(pageNumberText(page, total), { x: 0, y: 285, width: 210 }, { font: 'sans', size: 9, align: 'center' }));
    const pages = pagesText(await layout.toBuffer());
    expect(pages).toHaveLength(5);
    pages.forEach((p, i) => {
      expect(p).toContain(`正文第${i + 1}页`);
      // pdftotext drops the thin spaces around the numbers.
      expect(p.replace(/\s+/g, '')).toContain(pageNumberText(i + 1, 5).replace(/\s+/g, ''));
    });
  });

  it('embeds only subset fonts', async () => {
    const layout = newLayout();
    layout.addPage();
    layout.text('楷体 kai 123', { x: 20, y: 20, width: 170 }, { font: 'kai', size: 12 });
    layout.text('黑体 sans 456', { x: 20, y: 40, width: 170 }, { font: 'sans', size: 12 });
    const list = fonts(await layout.toBuffer());
    expect(list).toHaveLength(2);
    for (const f of list) {
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('with fieldsOnly, leaves out frames and fixed texts but prints the fields', async () => {
    const draw = (fieldsOnly: boolean) => {
      const layout = newLayout(undefined, fieldsOnly);
      layout.addPage();
      layout.rect(10, 10, 190, 277, 1);
      layout.line(20, 100, 190, 100);
      layout.fillRect(20, 120, 50, 10, '#eeeeee');
      layout.text('固定文字', { x: 20, y: 30, width: 100 }, { font: 'kai', size: 16, fixed: true });
      layout.text('张大山', { x: 20, y: 60, width: 100 }, { font: 'kai', size: 16 });
      return layout.toBuffer();
    };
    const full = await draw(false);
    const fields = await draw(true);
    expect(pagesText(full)[0]).toContain('固定文字');
    expect(pagesText(fields)[0]).not.toContain('固定文字');
    expect(pagesText(fields)[0]).toContain('张大山');
    // Frames are path operators in the content stream: none are left.
    expect(await contentOps(fields)).not.toMatch(/\b(re|l)\s*\n?\s*[SfB]\b/);
    expect(await contentOps(full)).toMatch(/\bre\b/);
  });

  it('a form offset moves and scales what is printed', async () => {
    const draw = (offset?: FormOffset) => {
      const layout = newLayout(offset);
      layout.addPage();
      layout.text('定位', { x: 50, y: 100, width: 100 }, { font: 'sans', size: 12 });
      return layout.toBuffer();
    };
    const at = (ws: Word[]) => ws.find((w) => w.text.includes('定位'))!;
    const base = at(words(await draw()));
    const moved = at(words(await draw({ x: 5, y: -3, scale: 1 })));
    expect(moved.xMin - base.xMin).toBeCloseTo(5, 0);
    expect(moved.yMin - base.yMin).toBeCloseTo(-3, 0);
    const scaled = at(words(await draw({ x: 0, y: 0, scale: 0.9 })));
    expect(scaled.xMin).toBeCloseTo(base.xMin * 0.9, 0);
    expect(scaled.xMax - scaled.xMin).toBeCloseTo((base.xMax - base.xMin) * 0.9, 0);
  });
});

/** The page content streams, inflated, to look at drawing operators. */
async function contentOps(pdf: Buffer): Promise<string> {
  const { inflateSync } = await import('node:zlib');
  const s = pdf.toString('latin1');
  let out = '';
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    try {
      out += inflateSync(Buffer.from(s.slice(start, end), 'latin1')).toString('latin1') + '\n';
    } catch {
      // not a deflated stream
    }
  }
  // Only page content: font programs and cmaps have no BT/ET.
  return out
    .split('\n')
    .filter((l) => !/^\s*$/.test(l))
    .join('\n');
}

const ROWS = Array.from({ length: 120 }, (_, i) => ({
  no: String(i + 1),
  name: `姓名${i + 1}`,
  note: i % 7 === 0 ? '这一行的备注很长，需要在单元格里折成好几行，用来检查表格的行不会在两页之间从一行文字中间断开。' : '无',
}));
const COLUMNS: Column<(typeof ROWS)[number]>[] = [
  { title: '序号', width: 15, value: (r) => r.no, align: 'center' },
  { title: '姓名', width: 40, value: (r) => r.name },
  { title: '备注', width: 60, value: (r) => r.note },
];

describe('drawTable', () => {
  it('repeats the header on every page and never splits a row through a line', async () => {
    const layout = newLayout();
    layout.addPage();
    const style = { font: 'sans', size: 10, leading: 1.4 } as const;
    drawTable(layout, COLUMNS, ROWS, 20, { top: 20, bottom: 270, left: 20, style });
    const pdf = await layout.toBuffer();
    const pages = pagesText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(info(pdf).pages).toBe(pages.length);
    const seen: string[] = [];
    for (const page of pages) {
      const lines = linesOf(page);
      expect(lines[0]).toMatch(/^序号\s+姓名\s+备注$/);
      for (const l of lines.slice(1)) {
        const m = /^(\d+)\s+(姓名\d+)/.exec(l);
        if (m) seen.push(m[1]!);
      }
    }
    // Every row once, in order.
    expect(seen).toEqual(ROWS.map((r) => r.no));
    // Long notes: all of a row's lines are on the page the row starts on (none of it went over).
    const raw = pages.map((p) => p.replace(/\s+/g, ''));
    const note = ROWS[0]!.note.replace(/\s+/g, '');
    for (const r of ROWS.filter((r) => r.note !== '无')) {
      const page = raw.findIndex((p) => p.includes(`${r.no}姓名${r.no}`) || p.includes(`${r.no}${r.name}`));
      expect(page).toBeGreaterThanOrEqual(0);
      // The whole note's characters sit on that page, in some order of lines.
      const chars = [...note].filter((c) => raw[page]!.includes(c));
      expect(chars.length).toBe([...note].length);
    }
  });

  it('splits a row taller than a page between lines, not through one', async () => {
    const layout = newLayout();
    layout.addPage();
    const long = Array.from({ length: 60 }, (_, i) => `第${i + 1}行`).join('\n');
    const style = { font: 'sans', size: 10, leading: 1.4 } as const;
    drawTable(layout, COLUMNS, [{ no: '1', name: '长行', note: long }], 20, { top: 20, bottom: 150, left: 20, style });
    const pages = pagesText(await layout.toBuffer());
    expect(pages.length).toBeGreaterThan(1);
    const found = pages.flatMap((p) => [...p.matchAll(/第(\d+)行/g)].map((m) => Number(m[1])));
    expect(found).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const p of pages) expect(linesOf(p)[0]).toMatch(/^序号\s+姓名\s+备注$/);
  });
});
