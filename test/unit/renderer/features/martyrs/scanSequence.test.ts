import { describe, expect, it } from 'vitest';
import { positionOf, runOf, step } from '../../../../../renderer/src/features/martyrs/record/scan/sequence';

const files = [
  { attachmentId: 7, pages: 3, label: '1' },
  { attachmentId: 9, pages: 1, label: '2' },
  { attachmentId: 4, pages: 2, label: '3' },
];

describe('a source’s scans as one run of pages', () => {
  it('numbers pages across files', () => {
    expect(positionOf(files, { attachmentId: 7, page: 1 })).toEqual({ n: 1, total: 6 });
    expect(positionOf(files, { attachmentId: 9, page: 1 })).toEqual({ n: 4, total: 6 });
    expect(positionOf(files, { attachmentId: 4, page: 2 })).toEqual({ n: 6, total: 6 });
    expect(positionOf(files, { attachmentId: 4, page: 3 })).toBeNull();
    expect(positionOf(files, { attachmentId: 5, page: 1 })).toBeNull();
  });

  it('turns pages into the next file and back, stopping at either end', () => {
    expect(step(files, { attachmentId: 7, page: 3 }, 1)).toEqual({ attachmentId: 9, page: 1 });
    expect(step(files, { attachmentId: 9, page: 1 }, 1)).toEqual({ attachmentId: 4, page: 1 });
    expect(step(files, { attachmentId: 4, page: 1 }, -1)).toEqual({ attachmentId: 9, page: 1 });
    expect(step(files, { attachmentId: 9, page: 1 }, -1)).toEqual({ attachmentId: 7, page: 3 });
    expect(step(files, { attachmentId: 7, page: 1 }, -1)).toBeNull();
    expect(step(files, { attachmentId: 4, page: 2 }, 1)).toBeNull();
  });

  it('pages through the record’s own file when the source does not hold it', () => {
    expect(runOf(files, { attachmentId: 7, page: 2 }, 3)).toBe(files);
    expect(runOf(files, { attachmentId: 11, page: 2 }, 5)).toEqual([{ attachmentId: 11, pages: 5, label: '' }]);
    expect(runOf([], null, null)).toEqual([]);
  });
});
