import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { keepAsText, looksLikeFormula, TEXT_FORMAT } from '../../../../../electron/core/files/formulaText';
import { errorWorkbook } from '../../../../../electron/core/imports/errorWorkbook';

describe('formula-like text', () => {
  it('is what a spreadsheet would evaluate: = + - @, tab or CR first, full-width forms too', () => {
    for (const text of ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', '+1+1', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠A1']) expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
    for (const text of ['张德胜', '1947年春', 'a=b', ' =1', '', '山东省惠民县', '（=）']) expect(looksLikeFormula(text), JSON.stringify(text)).toBe(false);
  });

  it('gives such a cell the Text format, and leaves others and non-text values alone', () => {
    const cell = (value: unknown) => ({ value, numFmt: 'General' });
    const formula = cell('=1+1');
    keepAsText(formula);
    expect(formula.numFmt).toBe(TEXT_FORMAT);
    for (const value of ['张德胜', -5, new Date(0), null]) {
      const other = cell(value);
      keepAsText(other);
      expect(other.numFmt).toBe('General');
    }
  });

  it('the error workbook writes formula-like cells as text (no <f>) in the Text format', async () => {
    const bytes = await errorWorkbook(['姓名', '=备注'], [{ rowNumber: 2, cells: ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","点我")'] }], [{ row: 2, columnIndex: 0, message: { zh: '错', en: 'bad' } }]);
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts[Object.keys(parts).find((k) => /worksheets\/sheet\d+\.xml$/.test(k))!]!);
    expect(sheet).not.toMatch(/<f[\s>]/);
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(strFromU8(parts['xl/styles.xml']!))?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    for (const ref of ['B1', 'A2', 'B2']) {
      const style = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1];
      expect(xfs[Number(style)], ref).toBe(49);
    }
    const plainHeader = /<c r="A1" s="(\d+)"/.exec(sheet)?.[1];
    expect(xfs[Number(plainHeader)]).not.toBe(49);
  });
});
