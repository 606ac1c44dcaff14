import { describe, expect, it } from 'vitest';
import { breakLines, breakParagraph, lineBreakRules } from '../../../../../electron/core/documents/layout/lineBreak';

/** Han characters and full-width punctuation 1 wide, Latin letters, digits and spaces 0.5. */
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);

const SAMPLE =
  '该同志在执行任务中（1947年春）英勇作战，身负重伤仍坚持战斗，“宁死不屈”，被授予《战斗英雄》称号。' +
  '他说：“我们一定要胜利！”证书编号ZX-2019-000123号，所在部队为第38军112师335团。';

describe('Chinese line breaking (禁则)', () => {
  for (const width of [5, 6, 7, 8, 9, 10, 11, 12, 13, 17]) {
    it(`keeps the rules at a line of ${width}`, () => {
      const lines = breakParagraph(SAMPLE, width, measure);
      expect(lines.join('')).toBe(SAMPLE);
      lines.forEach((line, i) => {
        if (i > 0) expect(lineBreakRules.NO_START.has([...line][0]!), `line ${i} "${line}" starts with closing punctuation`).toBe(false);
        if (i < lines.length - 1) expect(lineBreakRules.NO_END.has([...line].at(-1)!), `line ${i} "${line}" ends with opening punctuation`).toBe(false);
        // Pushing in may overfill by a punctuation mark, never more.
        expect(measure(line)).toBeLessThanOrEqual(width + 1);
      });
    });
  }

  it('never starts a line with ，。、）》” and the like', () => {
    // Width 4 puts each closing mark exactly at a line start if breaking were naive.
    for (const mark of '，。、）》”；：？！') {
      const lines = breakParagraph(`一二三四${mark}五六七八`, 4, measure);
      for (const l of lines.slice(1)) expect([...l][0]).not.toBe(mark);
      expect(lines.join('')).toBe(`一二三四${mark}五六七八`);
    }
  });

  it('never ends a line with （《“', () => {
    for (const mark of '（《“') {
      const lines = breakParagraph(`一二三${mark}四五六七`, 4, measure);
      for (const l of lines.slice(0, -1)) expect([...l].at(-1)).not.toBe(mark);
      expect(lines[1]!.startsWith(mark)).toBe(true);
    }
  });

  it('keeps Latin and digit runs whole', () => {
    const lines = breakParagraph('编号ZX2019000123号第1947年', 6, measure);
    expect(lines.some((l) => l.includes('ZX2019000123'))).toBe(true);
    expect(lines.some((l) => l.includes('1947'))).toBe(true);
  });

  it('splits a run longer than the line by characters', () => {
    const run = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const lines = breakParagraph(`编号${run}`, 5, measure);
    expect(lines.join('')).toBe(`编号${run}`);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(5);
  });

  it('drops the space a line breaks at', () => {
    expect(breakParagraph('alpha beta gamma delta', 6, measure)).toEqual(['alpha beta', 'gamma delta']);
    expect(breakParagraph('alpha beta gamma', 2.5, measure)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('marks the last line of each paragraph, and keeps empty paragraphs', () => {
    const lines = breakLines('一二三四五六\n\n七八', 4, measure);
    expect(lines).toEqual([
      { text: '一二三四', last: false },
      { text: '五六', last: true },
      { text: '', last: true },
      { text: '七八', last: true },
    ]);
  });
});
