/**
 * 打印列表 ("any list"): a dialog to choose the columns of the current filtered list (remembered
 * per list on this machine), then documents.printList as a job with its progress and the preview.
 * The page passes its list's filter as it queries it (the list method's own input without the
 * page), so the PDF is the whole filtered list on screen. What personal information prints is
 * decided by the backend from the user's role.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, FormGroup, Tooltip, Typography } from '@mui/material';
import ListIcon from '@mui/icons-material/ListAltOutlined';
import type { ApiError, ListColumnName, ListName, MethodInput } from '../../../../shared/contract';
import { listColumns } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { PrintJobDialog } from './PrintLettersButton';
import { useDocumentsT } from './i18n';

type ListRequest = MethodInput<'documents.printList'>;
/** A list and its filter, as the page holds it. */
export type PrintListProps = { [L in ListName]: { list: L; filter: Extract<ListRequest, { list: L }>['filter'] } }[ListName];

/** The columns a list prints until the user chooses others. */
const DEFAULT_COLUMNS: { [L in ListName]: readonly ListColumnName<L>[] } = {
  plaques: ['headName', 'division', 'plaqueNumber', 'category', 'status', 'hungDate'],
  martyrs: ['name', 'gender', 'birth', 'death', 'nativePlace', 'unitAndPost', 'deathPlace', 'status'],
  awards: ['recipient', 'className', 'authority', 'orderNo', 'awardDate', 'soldierUnit', 'letterStatus'],
  letters: ['recipient', 'family', 'address', 'receivedOn', 'dueOn', 'status', 'deliverers'],
};
const storageKey = (list: ListName) => `guangrong.printList.${list}`;

/** A column's text; the type makes documents.zh.ts hold one for every column listColumns offers. */
type ColumnKey = { [L in ListName]: `printing.columns.${L}.${ListColumnName<L>}` }[ListName];
const columnKey = (list: ListName, column: string) => `printing.columns.${list}.${column}` as ColumnKey;

const isColumnOf =
  <L extends ListName>(list: L) =>
  (c: unknown): c is ListColumnName<L> =>
    (listColumns[list] as readonly unknown[]).includes(c);

function remembered(list: ListName): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(list)) ?? 'null');
    if (Array.isArray(saved)) {
      const known = saved.filter(isColumnOf(list));
      if (known.length > 0) return known;
    }
  } catch {
    // An unreadable choice: the default columns.
  }
  return [...DEFAULT_COLUMNS[list]];
}

/** The request for the chosen columns (those the list offers, in its order). */
function request(p: PrintListProps, chosen: readonly string[]): ListRequest {
  switch (p.list) {
    case 'plaques':
      return { ...p, columns: chosen.filter(isColumnOf('plaques')) };
    case 'martyrs':
      return { ...p, columns: chosen.filter(isColumnOf('martyrs')) };
    case 'awards':
      return { ...p, columns: chosen.filter(isColumnOf('awards')) };
    case 'letters':
      return { ...p, columns: chosen.filter(isColumnOf('letters')) };
  }
}

export function PrintListButton(props: PrintListProps) {
  const { list } = props;
  const dt = useDocumentsT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<string[]>(() => remembered(list));
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const offered: readonly string[] = listColumns[list];
  const toggle = (c: string) => setColumns((now) => (now.includes(c) ? now.filter((x) => x !== c) : offered.filter((k) => k === c || now.includes(k))));
  const start = async () => {
    if (columns.length === 0) return;
    localStorage.setItem(storageKey(list), JSON.stringify(columns));
    setError(null);
    const started = await client.call('documents.printList', request(props, columns));
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };
  return (
    <>
      <Tooltip title={dt('printing.listHint')}>
        <Button
          variant="outlined"
          startIcon={<ListIcon />}
          onClick={() => {
            setOpen(true);
            setJobId(null);
            setError(null);
          }}
          data-testid="print-list"
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {dt('printing.list')}
        </Button>
      </Tooltip>
      {open ? (
        <PrintJobDialog title={dt('printing.titles.list')} jobId={jobId} error={error} onClose={() => setOpen(false)} onStart={columns.length === 0 ? undefined : () => void start()}>
          <Typography variant="subtitle2">{dt('printing.listColumns')}</Typography>
          <FormGroup row>
            {offered.map((c) => (
              <FormControlLabel key={c} control={<Checkbox checked={columns.includes(c)} onChange={() => toggle(c)} />} label={dt(columnKey(list, c))} data-testid={`print-list-column-${c}`} />
            ))}
          </FormGroup>
          {columns.length === 0 ? <Alert severity="warning">{dt('printing.listNeedColumn')}</Alert> : null}
          <Typography variant="body2" color="text.secondary">
            {dt('printing.listMasked')}
          </Typography>
        </PrintJobDialog>
      ) : null}
    </>
  );
}
