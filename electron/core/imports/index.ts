/**
 * The shared tabular import module (see README.md): read a spreadsheet, find its header, map its
 * columns, check every row, write all or nothing, hand back an error workbook. Import kinds
 * (martyrs' roll, honours, plaques) import from here only.
 */
export { readTable } from './readTable';
export type { Table, TableSheet, ReadTableOptions, MergedCellsMode, MergedRange } from './types';
export { cellText, cellDate, excelSerialToDate, looksLikeExcelSerial, isoDay, normalizeText, PLAUSIBLE_SERIALS, type Cell } from './cells';
export {
  detectHeader,
  suggestMapping,
  normalizeHeader,
  headerSignature,
  isBlankRow,
  isTotalRow,
  isHeaderRepeat,
  ERROR_REASON_HEADER,
  type ColumnMapping,
  type ExpectedHeader,
  type HeaderDetection,
} from './header';
export { runImport, checkMapping, expectedHeaders, MAX_PROBLEMS_IN_RESULT } from './pipeline';
export { preview, type Preview, type PreviewOptions } from './preview';
export { errorWorkbook, saveErrorWorkbook, ERROR_FILES_DIR, type FailedRow, type CellProblem } from './errorWorkbook';
export { LIMITS, columnLetter } from './limits';
export type {
  ImportSpec,
  ImportColumn,
  ImportInput,
  ImportResult,
  ImportDone,
  ImportRejected,
  ImportProblem,
  ImportedRow,
  ParsedRow,
  RowProblem,
  CommitContext,
} from './spec';
