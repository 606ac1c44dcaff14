import { describe, expect, it } from 'vitest';
import { firstPage, withPage } from '../../../../renderer/src/lib/keysetList';

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe('a list read by keyset pages', () => {
  it('appends the next page of the same filter, taking its count and cursor', () => {
    const first = firstPage('a', { rows: rows(9, 8), count: 5, next: { id: 8 } });
    const second = withPage(first, 'a', { rows: rows(7, 6), count: 5, next: { id: 6 } });
    expect(second).toEqual({ key: 'a', rows: rows(9, 8, 7, 6), count: 5, next: { id: 6 } });
    expect(withPage(second, 'a', { rows: rows(5), count: 5, next: null })).toEqual({ key: 'a', rows: rows(9, 8, 7, 6, 5), count: 5, next: null });
  });

  it('ignores a page that arrives for a filter no longer shown', () => {
    const list = firstPage('b', { rows: rows(3), count: 1, next: null });
    expect(withPage(list, 'a', { rows: rows(2, 1), count: 9, next: { id: 1 } })).toBe(list);
  });

  it('shows a row once even if it comes round again (its date changed between pages)', () => {
    const first = firstPage('a', { rows: rows(9, 8), count: 4, next: { id: 8 } });
    expect(withPage(first, 'a', { rows: rows(9, 7), count: 4, next: null }).rows).toEqual(rows(9, 8, 7));
  });
});
