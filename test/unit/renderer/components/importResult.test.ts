import { describe, expect, it } from 'vitest';
import { headerRowOf, missingRequired, readImportResult, remap } from '../../../../renderer/src/components/import/importResult';

describe('reading how an import ended', () => {
  it('every row written', () => {
    expect(readImportResult({ ok: true, imported: 3, summary: { created: 3 }, skipped: { blankRows: 1, totalRows: [8], headerRows: [] } })).toEqual({
      kind: 'done',
      imported: 3,
      created: 3,
      skipped: { blankRows: 1, totalRows: [8], headerRows: [] },
    });
  });

  it('nothing written: the problems by row, in both languages', () => {
    const outcome = readImportResult({
      ok: false,
      rowsWithProblems: 2,
      problems: [
        { row: 7, column: 'name', columnIndex: 1, header: '姓 名', message: { zh: '姓名不像中文姓名', en: 'not a name' } },
        { row: 8, column: null, columnIndex: null, header: null, message: { zh: '与第 4 行重复', en: 'same as row 4' } },
        { bad: true },
      ],
      problemCount: 3,
      errorFile: 'imports/martyrs-job3-errors.xlsx',
    });
    expect(outcome).toMatchObject({ kind: 'rejected', rowsWithProblems: 2, problemCount: 3, hasErrorFile: true });
    expect(outcome.kind === 'rejected' && outcome.problems).toEqual([
      { row: 7, column: 'name', header: '姓 名', message: { zh: '姓名不像中文姓名', en: 'not a name' } },
      { row: 8, column: null, header: null, message: { zh: '与第 4 行重复', en: 'same as row 4' } },
    ]);
  });

  it('anything else is unknown', () => {
    expect(readImportResult(null)).toEqual({ kind: 'unknown' });
    expect(readImportResult({ rows: 3 })).toEqual({ kind: 'unknown' });
  });
});

describe('the preview rules', () => {
  const columns = [
    { key: 'name', required: true },
    { key: 'gender', required: false },
    { key: 'deathDate', required: false },
  ];

  it('a sheet row number (1-based) is the backend’s header row (0-based)', () => {
    expect(headerRowOf(3)).toBe(2);
  });

  it('lists the required fields no column is mapped to', () => {
    expect(missingRequired(columns, { '1': 'gender' })).toEqual(['name']);
    expect(missingRequired(columns, { '0': 'name' })).toEqual([]);
  });

  it('maps a field to one column only; 不导入 frees the column', () => {
    expect(remap({ '0': 'name', '1': 'gender' }, 2, 'name')).toEqual({ '1': 'gender', '2': 'name' });
    expect(remap({ '0': 'name', '1': 'gender' }, 1, '')).toEqual({ '0': 'name' });
    expect(remap({ '0': 'name' }, 0, 'gender')).toEqual({ '0': 'gender' });
  });
});
