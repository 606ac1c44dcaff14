/**
 * 打印登记表 for martyr records (烈士登记表, one sheet per record with its scan's thumbnail): on a
 * record's page for that record, on the roll for the records of its filtered list. Both go through
 * PrintJobButton: the job's progress with counts and Cancel, a font problem by record and field,
 * then the preview of the registered PDF.
 */
import { RECORD_SHEETS_MAX, type MethodInput } from '../../../../shared/contract';
import type { Result } from '../../../../shared/contract/errors';
import { useClient } from '../../app/clientContext';
import { formatCount } from '../../lib/format';
import { PrintJobButton } from './PrintJobButton';
import { useDocumentsT } from './i18n';

/** The record page's button: the record as saved (so not while it has unsaved changes). */
export function PrintRecordSheetButton({ martyrId, unsaved }: { martyrId: number; unsaved: boolean }) {
  const dt = useDocumentsT();
  const client = useClient();
  return (
    <PrintJobButton
      label={dt('printing.recordSheet')}
      hint={dt('printing.recordSheetHint')}
      title={dt('printing.titles.recordSheets')}
      disabled={unsaved}
      disabledHint={dt('printing.recordSheetSaveFirst')}
      testId="print-record-sheet"
      size="small"
      start={() => client.call('documents.printRecordSheets', { martyrIds: [martyrId] })}
    />
  );
}

type RollInput = Omit<MethodInput<'martyrs.search'>, 'after' | 'limit'>;

/** Rows per martyrs.search call while collecting the ids (its largest page). */
const COLLECT_PAGE = 200;

/**
 * The roll's button. The roll has no multi-row selection (only the keyboard's current row, which
 * its record page prints), so this prints the records of the current filtered list, in the list's
 * order, at most RECORD_SHEETS_MAX of them: their ids are collected page by page (keyset) with the
 * list's own search, then one job prints them.
 */
export function PrintRollSheetsButton({ input, count }: { input: RollInput; count: number | null }) {
  const dt = useDocumentsT();
  const client = useClient();
  const shown = Math.min(count ?? 0, RECORD_SHEETS_MAX);
  const start = async (output: 'single' | 'perRecord'): Promise<Result<{ jobId: number }>> => {
    const ids: number[] = [];
    let after: string | undefined;
    while (ids.length < RECORD_SHEETS_MAX) {
      const page = await client.call('martyrs.search', { ...input, limit: Math.min(COLLECT_PAGE, RECORD_SHEETS_MAX - ids.length), after });
      if (!page.ok) return page;
      ids.push(...page.value.rows.map((r) => r.id));
      if (page.value.nextCursor === null || page.value.rows.length === 0) break;
      after = page.value.nextCursor;
    }
    return client.call('documents.printRecordSheets', { martyrIds: ids.slice(0, RECORD_SHEETS_MAX), output });
  };
  return (
    <PrintJobButton
      label={count === null ? dt('printing.recordSheet') : dt('printing.recordSheetsCount', { count: formatCount(shown) })}
      hint={dt((count ?? 0) > RECORD_SHEETS_MAX ? 'printing.recordSheetsFirst' : 'printing.recordSheetsHint', { max: formatCount(RECORD_SHEETS_MAX) })}
      title={dt('printing.titles.recordSheets')}
      disabled={shown === 0}
      disabledHint={dt('printing.recordSheetsNone')}
      testId="print-roll-sheets"
      start={() => start('single')}
      alternatives={[{ label: dt('printing.recordSheetsPerRecord'), testId: 'print-roll-sheets-per-record', start: () => start('perRecord') }]}
    />
  );
}
