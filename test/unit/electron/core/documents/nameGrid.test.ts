import { describe, expect, it } from 'vitest';
import { Layout } from '../../../../../electron/core/documents/layout/page';
import { drawNameGrid, gridName } from '../../../../../electron/core/documents/layout/nameGrid';
import { FONTS_DIR, info, pagesText, words } from './pdfTools';

const NAMES = ['丁一山', '王军', '于洪', '马德胜', '方志刚', '石磊', '白玉兰', '阿依古丽·买买提', '刘大成', '许峰', '李秀英'];

async function grid(names: string[], perRow = 5, bottom = 277) {
  const layout = new Layout(FONTS_DIR, { title: 'grid', author: 'test' });
  layout.addPage();
  let newPages = 0;
  const end = drawNameGrid(layout, names, 30, { top: 25, bottom, left: 20, width: 170, perRow, style: { font: 'kai', size: 14, leading: 1.6 }, onNewPage: () => void newPages++ });
  return { pdf: await layout.toBuffer(), end, newPages };
}

describe('name grid', () => {
  it('spaces a two-character name to the width of three, and leaves others alone', () => {
    expect(gridName('王军')).toBe('王\u3000军');
    expect(gridName('丁一山')).toBe('丁一山');
    expect(gridName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(gridName('Li')).toBe('Li');
  });

  it('sets five names a row in equal cells, centred, two-character names as wide as three', async () => {
    const { pdf } = await grid(NAMES);
    const text = pagesText(pdf)[0]!;
    const w = words(pdf);
    const find = (t: string) => w.find((x) => x.text === t)!;
    // Row 1: 丁一山 王 军 于洪… in one line, evenly spaced cells of 34 mm.
    const first = ['丁一山', '马德胜', '方志刚'].map(find);
    expect(new Set(first.map((x) => Math.round(x.yMin))).size).toBe(1);
    const centre = (x: { xMin: number; xMax: number }) => (x.xMin + x.xMax) / 2;
    expect(centre(find('丁一山'))).toBeCloseTo(20 + 17, 0);
    expect(centre(find('马德胜')) - centre(find('丁一山'))).toBeCloseTo(3 * 34, 0);
    expect(centre(find('方志刚')) - centre(find('马德胜'))).toBeCloseTo(34, 0);
    // 王　军 spans what a three-character name does.
    const wang = find('王');
    const jun = find('军');
    const three = find('丁一山');
    expect(jun.xMax - wang.xMin).toBeCloseTo(three.xMax - three.xMin, 0);
    expect(wang.yMin).toBeCloseTo(three.yMin, 1);
    // Row 2 starts with 石磊 under 丁一山 and ends with 许峰; row 3 holds 李秀英, below the wrapped long name.
    expect(centre(find('石'))).toBeLessThan(centre(find('磊')));
    expect(find('石').yMin).toBeGreaterThan(three.yMin + 5);
    expect(find('许').yMin).toBeCloseTo(find('石').yMin, 1);
    expect(find('李秀英').yMin).toBeGreaterThan(find('石').yMin + 10);
    // A name longer than its cell breaks inside it (the row grows a line).
    expect(text.replace(/\s+/g, '')).toContain('阿依古丽·买买刘大成许峰提');
  });

  it('starts a new page when a row does not fit, never splitting a row', async () => {
    const many = Array.from({ length: 120 }, (_, i) => NAMES[i % NAMES.length]!);
    const { pdf, newPages } = await grid(many, 5, 120);
    expect(info(pdf).pages).toBe(newPages + 1);
    expect(newPages).toBeGreaterThan(0);
    const w = words(pdf);
    for (const word of w) expect(word.yMax).toBeLessThan(125);
    const perPage = new Map<number, number>();
    for (const word of w) if (word.text === '丁一山' || word.text === '马德胜') perPage.set(word.page, (perPage.get(word.page) ?? 0) + 1);
    expect([...perPage.values()].reduce((a, b) => a + b, 0)).toBe(many.filter((n) => n === '丁一山' || n === '马德胜').length);
  });
});
