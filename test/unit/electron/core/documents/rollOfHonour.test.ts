import { describe, expect, it } from 'vitest';
import { CoverageCheck } from '../../../../../electron/core/documents/fonts';
import { checkRollOfHonour, rollOfHonourPdf, type RollEntry, type RollOfHonourData, type RollSection } from '../../../../../electron/core/documents/templates/rollOfHonour';
import { FONTS_DIR, fonts, info, pagesText } from './pdfTools';

// Already in mainland stroke order of the surname, as the caller passes them.
const NAMES = ['丁大山', '于海', '王二小', '王光明', '牛振华', '卢德胜', '刘志强', '孙卫东', '李秀兰', '杨春生', '张红军', '陈建国', '周晓峰', '赵海涛', '胡文', '徐光', '高明', '黄河', '曹勇', '蒋英'];

const section = (title: string, count: number): RollSection & { entries: RollEntry[] } => ({
  title,
  entries: Array.from({ length: count }, (_, i) => ({
    name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? String(Math.floor(i / NAMES.length)) : ''}`,
    nativePlace: '山东惠民石庙镇',
    birth: i % 4 === 0 ? '约1920年' : '1921年3月',
    death: '1947年春',
    unitAndPost: '华东野战军第九纵队某团三营七连战士',
    deathPlace: i % 3 === 0 ? '孟良崮战役中' : '山东莱芜',
  })),
});

const SECTIONS = [section('第一次国内革命战争时期', 3), section('抗日战争时期', 70), section('解放战争时期', 45), section('抗美援朝时期', 2)];

const data: RollOfHonourData = {
  title: '惠民县烈士英名录',
  issuer: '惠民县退役军人事务局',
  dateStyle: 'chinese',
  date: '2026-11-23',
  preface: '为缅怀革命先烈，弘扬英烈精神，我局在全县范围内开展烈士英名录编纂工作。\n本名录收录烈士一百余名，按历史时期分卷，卷内按姓氏笔画排列。',
  sections: SECTIONS,
};

const squash = (s: string) => s.replace(/\s+/g, '');

describe('烈士英名录', () => {
  it('prints a cover, the preface, a table of contents with the right pages, and every section', async () => {
    const { pdf, sectionPages, pages: count } = await rollOfHonourPdf(FONTS_DIR, data);
    const pages = pagesText(pdf).map(squash);
    expect(info(pdf).pages).toBe(count);
    expect(pages).toHaveLength(count);
    expect(pages[0]).toContain('惠民县烈士英名录');
    expect(pages[0]).toContain('二〇二六年十一月二十三日');
    expect(pages[0]).not.toContain('第1页');
    expect(pages[1]).toContain('前言');
    expect(pages[1]).toContain('为缅怀革命先烈');
    const toc = pages[2]!;
    expect(toc).toContain('目录');
    // The table of contents says where each section starts, and there it starts.
    SECTIONS.forEach((s, i) => {
      expect(toc).toMatch(new RegExp(`${s.title}·+${sectionPages[i]}`));
      const start = pages[sectionPages[i]! - 1]!;
      expect(start).toContain(`${s.title}共${s.entries.length}名`);
    });
    expect(sectionPages[2]! - sectionPages[1]!).toBeGreaterThan(1);
  });

  it('has the section as running head and page numbers on every page but the cover', async () => {
    const { pdf, sectionPages } = await rollOfHonourPdf(FONTS_DIR, data);
    const pages = pagesText(pdf).map(squash);
    pages.forEach((p, i) => {
      if (i === 0) return;
      expect(p).toContain(`第${i + 1}页共${pages.length}页`);
    });
    // Every page of the 抗日战争 section, continuation pages too, carries its title and the table header.
    for (let page = sectionPages[1]!; page < sectionPages[2]!; page++) {
      expect(pages[page - 1]).toContain('惠民县烈士英名录·抗日战争时期');
      expect(pages[page - 1]).toContain('序号姓名籍贯生卒年月生前单位及职务牺牲地点');
    }
  });

  it('keeps the names in the order given, each with its fields', async () => {
    const { pdf, sectionPages } = await rollOfHonourPdf(FONTS_DIR, data);
    const pages = pagesText(pdf);
    const sectionText = pages.slice(sectionPages[1]! - 1, sectionPages[2]! - 1).join('\n');
    const names = SECTIONS[1]!.entries.map((e) => e.name);
    let at = -1;
    for (const name of names) {
      const found = sectionText.indexOf(name, at + 1);
      expect(found, name).toBeGreaterThan(at);
      at = found;
    }
    const first = squash(sectionText);
    for (const s of ['山东惠民石庙镇', '约1920年—1947年春', '1921年3月—1947年春', '孟良崮战役中']) expect(first).toContain(s);
    for (const f of fonts(pdf)) expect(f.embedded && f.subset).toBe(true);
  });

  it('reports a name no font covers', () => {
    const check = new CoverageCheck(FONTS_DIR);
    const s = section('抗日战争时期', 2);
    checkRollOfHonour(check, { ...data, sections: [{ ...s, entries: [{ ...s.entries[0]!, name: '王\u{2A6A5}' }] }] });
    expect(check.problems).toEqual([{ record: '王\u{2A6A5}', field: '姓名 name', characters: ['\u{2A6A5}'] }]);
  });
});
