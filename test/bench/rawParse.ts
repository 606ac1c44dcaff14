/**
 * Child of roll.bench.ts: exceljs's own streaming reader over the import file and nothing else,
 * in a fresh process (as cold as the job worker that imports it). The baseline of import_100k_xlsx.
 *   args: <file.xlsx>
 */
import ExcelJS from 'exceljs';
import { send } from './figures';

const file = process.argv[2]!;
const start = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
let rows = 0;
for await (const sheet of reader) for await (const _row of sheet) rows++;
const seconds = (performance.now() - start) / 1000;
send({ type: 'log', text: `raw exceljs read ${rows} rows in ${seconds.toFixed(2)} s` });
send({ type: 'value', name: 'rawParseSeconds', value: seconds });
