import { describe, expect, it } from 'vitest';
import { CoverageCheck } from '../../../../../electron/core/documents/fonts';
import { anyListPdf, checkAnyList, type AnyListData } from '../../../../../electron/core/documents/templates/anyList';
import { FONTS_DIR, fonts, info, linesOf, pagesText } from './pdfTools';

const data: AnyListData = {
  title: '烈士名录（筛选结果）',
  filter: '时期：抗日战争；状态：已核实；关键词：王',
  columns: [{ title: '姓名' }, { title: '籍贯', weight: 2 }, { title: '牺牲时间' }, { title: '生前单位及职务', weight: 3 }],
  rows: Array.from({ length: 130 }, (_, i) => [`王${'一二三四五六七八九十'[i % 10]}${i + 1}`, '山东省惠民县', '1942年', i % 11 === 0 ? '八路军山东纵队第三旅七团二营五连连长，后任营教导员' : '八路军战士']),
  issuer: '惠民县退役军人事务局',
  dateStyle: 'arabic',
  date: '2026-11-23',
};

const squash = (s: string) => s.replace(/\s+/g, '');

describe('any list', () => {
  it('prints the chosen columns, the filter, every row once, header, 内部资料 and page numbers on every page', async () => {
    const pdf = await anyListPdf(FONTS_DIR, data);
    const pages = pagesText(pdf);
    expect(info(pdf).pages).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(2);
    expect(squash(pages[0]!)).toContain('筛选条件：时期：抗日战争；状态：已核实；关键词：王共130条');
    const rows: number[] = [];
    pages.forEach((page, i) => {
      expect(linesOf(page).find((l) => l.startsWith('序号'))).toMatch(/^序号\s+姓名\s+籍贯\s+牺牲时间\s+生前单位及职务$/);
      expect(squash(page)).toContain('内部资料');
      expect(squash(page)).toContain(`第${i + 1}页共${pages.length}页`);
      for (const m of page.matchAll(/^\s*(\d+)\s+王.(\d+)\s/gm)) {
        expect(m[1]).toBe(m[2]);
        rows.push(Number(m[1]));
      }
    });
    expect(rows).toEqual(data.rows.map((_, i) => i + 1));
    for (const f of fonts(pdf)) expect(f.embedded && f.subset).toBe(true);
  });

  it('turns the page for many columns', async () => {
    const pdf = await anyListPdf(FONTS_DIR, { ...data, rows: data.rows.slice(0, 3), landscape: true });
    const i = info(pdf);
    expect([Math.round(i.width), Math.round(i.height), i.pages]).toEqual([297, 210, 1]);
    expect(squash(pagesText(pdf)[0]!)).toContain('共3条');
  });

  it('reports an uncovered character by row and column', () => {
    const check = new CoverageCheck(FONTS_DIR);
    checkAnyList(check, { ...data, rows: [['王\u{2A6A5}', '山东', '1942年', '战士']] });
    expect(check.problems).toEqual([{ record: '烈士名录（筛选结果） 第1行（王\u{2A6A5}）', field: '姓名', characters: ['\u{2A6A5}'] }]);
  });
});
