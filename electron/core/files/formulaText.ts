/**
 * Text that a spreadsheet would take for a formula (CSV/formula injection): a record whose 牺牲地点
 * reads =cmd|' /C calc'!A0 or =HYPERLINK("http://…") must leave the app as that text. The xlsx
 * writers (the roll's export, the error workbook) write strings as strings — never an <f>
 * formula — and give such cells Excel's Text format, so that editing the cell and pressing
 * Enter (what an archivist does when correcting an error workbook) keeps it text too.
 */

/** The first characters that start a formula or a DDE command in Excel, WPS and LibreOffice (OWASP's list, full-width forms too). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Excel's Text number format: the cell's content is text, as typed. */
export const TEXT_FORMAT = '@';

/** Gives a cell holding formula-like text the Text format (ExcelJS cell or any object with numFmt and value). */
export function keepAsText(cell: { value: unknown; numFmt: string }): void {
  if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = TEXT_FORMAT;
}
