/**
 * preview: what the column-mapping screen shows before an import runs — the sheets, the detected
 * header row, the suggested mapping (the remembered one for this layout if there is one, else
 * the one detected from the header texts) and the first data rows. Not a job: it reads only the
 * top of one sheet, so it answers in well under a second.
 */
import type { Db } from '../db/connection';
import { findMapping } from '../db/importMappings';
import type { LocalizedText } from '../../../shared/contract';
import type { Cell } from './cells';
import { detectHeader, headerSignature, isBlankRow, isHeaderRepeat, isTotalRow, suggestMapping, type ColumnMapping } from './header';
import { expectedHeaders } from './pipeline';
import { readTable } from './readTable';
import type { ImportSpec } from './spec';
import type { Table } from './types';

export interface PreviewOptions {
  /** With a database, a mapping remembered for this layout is suggested first. */
  db?: Db;
  sheet?: string | number;
  /** Index of the header row, when the user has picked it. */
  headerRow?: number;
  /** Data rows to show (default 20). */
  rows?: number;
}

export interface Preview {
  format: Table['format'];
  sheetNames: string[];
  sheet: string;
  /** Index into the sheet's rows; its row number is headerRow + 1. Null: the sheet is empty. */
  headerRow: number | null;
  header: Cell[];
  /** Rows above the header (titles), for the screen to show what was skipped. */
  above: { rowNumber: number; cells: Cell[] }[];
  signature: string | null;
  mapping: ColumnMapping;
  mappingSource: 'saved' | 'detected' | 'none';
  columns: { key: string; label: LocalizedText; required: boolean }[];
  /** Required columns the mapping does not cover yet (keys). */
  missingRequired: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
  skipped: { blankRows: number; totalRows: number[]; headerRows: number[] };
  /** The sheet has more rows than were read for the preview. */
  truncated: boolean;
  date1904: boolean;
  encoding?: Table['encoding'];
  delimiter?: string;
}

const SCAN_ROWS = 30;

export async function preview<T, R>(bytes: Uint8Array, fileName: string, spec: ImportSpec<T, R>, options: PreviewOptions = {}): Promise<Preview> {
  const want = options.rows ?? 20;
  const table = await readTable(bytes, fileName, {
    ...(options.sheet === undefined ? { firstVisibleOnly: true } : { sheet: options.sheet }),
    maxRows: Math.max(options.headerRow ?? 0, SCAN_ROWS) + want * 10,
  });
  const sheet = table.sheets[0]!;
  const expected = expectedHeaders(spec.columns);
  const detected = options.headerRow === undefined ? detectHeader(sheet.rows, expected, { scanRows: SCAN_ROWS }) : null;
  const headerRow = options.headerRow ?? detected?.headerRow ?? null;
  const header = headerRow === null ? [] : [...(sheet.rows[headerRow] ?? [])];
  const signature = headerRow === null ? null : headerSignature(header);

  let mapping: ColumnMapping = {};
  let mappingSource: Preview['mappingSource'] = 'none';
  const keys = new Set(spec.columns.map((c) => c.key));
  const saved = options.db && signature ? findMapping(options.db, spec.kind, signature) : undefined;
  if (saved) {
    mapping = Object.fromEntries(Object.entries(saved.mapping).filter(([, key]) => keys.has(key)));
    mappingSource = 'saved';
  } else if (headerRow !== null) {
    mapping = detected && detected.headerRow === headerRow ? detected.mapping : suggestMapping(header, expected).mapping;
    mappingSource = Object.keys(mapping).length > 0 ? 'detected' : 'none';
  }
  const mapped = new Set(Object.values(mapping));

  const rows: Preview['rows'] = [];
  const skipped = { blankRows: 0, totalRows: [] as number[], headerRows: [] as number[] };
  if (headerRow !== null) {
    for (let i = headerRow + 1; i < sheet.rows.length && rows.length < want; i++) {
      const cells = sheet.rows[i]!;
      if (isBlankRow(cells)) skipped.blankRows++;
      else if (isTotalRow(cells)) skipped.totalRows.push(i + 1);
      else if (isHeaderRepeat(cells, header)) skipped.headerRows.push(i + 1);
      else rows.push({ rowNumber: i + 1, cells: [...cells] });
    }
  }
  return {
    format: table.format,
    sheetNames: table.sheetNames,
    sheet: sheet.name,
    headerRow,
    header,
    above: headerRow === null ? [] : sheet.rows.slice(0, headerRow).map((cells, i) => ({ rowNumber: i + 1, cells: [...cells] })).filter((r) => !isBlankRow(r.cells)),
    signature,
    mapping,
    mappingSource,
    columns: spec.columns.map((c) => ({ key: c.key, label: c.label, required: c.required ?? false })),
    missingRequired: spec.columns.filter((c) => c.required && !mapped.has(c.key)).map((c) => c.key),
    rows,
    skipped,
    truncated: sheet.truncated,
    date1904: table.date1904,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
  };
}
