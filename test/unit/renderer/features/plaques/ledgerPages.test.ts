import { describe, expect, it } from 'vitest';
import { cursorFor, firstPageCursors, withNext } from '../../../../../renderer/src/features/plaques/ledgerPages';

const c = (householdId: number) => ({ divisionCode: '371621101001', householdId });

describe('keyset pages of the ledger', () => {
  it('knows the first page, then each next one as pages arrive', () => {
    expect(cursorFor(firstPageCursors, 0)).toEqual({ known: true, after: undefined });
    expect(cursorFor(firstPageCursors, 1)).toEqual({ known: false });
    const two = withNext(firstPageCursors, 0, c(100));
    expect(cursorFor(two, 1)).toEqual({ known: true, after: c(100) });
    const three = withNext(two, 1, c(200));
    expect(three).toHaveLength(3);
    expect(cursorFor(three, 2)).toEqual({ known: true, after: c(200) });
  });
  it('ignores the last page (no next), a page read again, and a page out of order', () => {
    expect(withNext(firstPageCursors, 0, null)).toBe(firstPageCursors);
    const two = withNext(firstPageCursors, 0, c(100));
    expect(withNext(two, 0, c(999))).toBe(two);
    expect(withNext(two, 5, c(999))).toBe(two);
    expect(cursorFor(two, -1)).toEqual({ known: false });
  });
});
