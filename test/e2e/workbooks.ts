/** Spreadsheets in end-to-end specs: reading back what the app let the user download. */
import ExcelJS from 'exceljs';

/** The first sheet's rows as text (its header row included). */
export async function readBook(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text ?? ''));
    out.push(cells);
  });
  return out;
}
