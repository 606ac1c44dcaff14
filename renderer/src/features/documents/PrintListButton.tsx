/**
 * 打印列表 ("any list"): a dialog to choose the columns of the current filtered list (remembered
 * per list on this machine), then documents.printList as a job with its progress and the preview.
 * What personal information prints is decided by the backend from the user's role.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, FormGroup, Tooltip, Typography } from '@mui/material';
import ListIcon from '@mui/icons-material/ListAltOutlined';
import type { ApiError, ListPrint } from '../../../../shared/contract';
import { listColumns } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { PrintJobDialog } from './PrintLettersButton';
import { useDocumentsT } from './i18n';

type PlaqueColumn = (typeof listColumns.plaques)[number];
const DEFAULT_COLUMNS: PlaqueColumn[] = ['headName', 'division', 'plaqueNumber', 'category', 'status', 'hungDate'];
const storageKey = (list: string) => `guangrong.printList.${list}`;

function remembered(list: 'plaques'): PlaqueColumn[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(list)) ?? 'null');
    if (Array.isArray(saved)) {
      const known = saved.filter((c): c is PlaqueColumn => listColumns[list].some((k) => k === c));
      if (known.length > 0) return known;
    }
  } catch {
    // An unreadable choice: the default columns.
  }
  return DEFAULT_COLUMNS;
}

export function PrintListButton({ filter }: { filter: Extract<ListPrint, { list: 'plaques' }>['filter'] }) {
  const dt = useDocumentsT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<PlaqueColumn[]>(() => remembered('plaques'));
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = (c: PlaqueColumn) => setColumns((now) => (now.includes(c) ? now.filter((x) => x !== c) : listColumns.plaques.filter((k) => k === c || now.includes(k))));
  const start = async () => {
    if (columns.length === 0) return;
    localStorage.setItem(storageKey('plaques'), JSON.stringify(columns));
    setError(null);
    const started = await client.call('documents.printList', { list: 'plaques', filter, columns });
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };
  return (
    <>
      <Tooltip title={dt('printing.listHint')}>
        <Button variant="outlined" startIcon={<ListIcon />} onClick={() => { setOpen(true); setJobId(null); setError(null); }} data-testid="print-list" sx={{ whiteSpace: 'nowrap' }}>
          {dt('printing.list')}
        </Button>
      </Tooltip>
      {open ? (
        <PrintJobDialog title={dt('printing.titles.list')} jobId={jobId} error={error} onClose={() => setOpen(false)} onStart={columns.length === 0 ? undefined : () => void start()}>
          <Typography variant="subtitle2">{dt('printing.listColumns')}</Typography>
          <FormGroup row>
            {listColumns.plaques.map((c) => (
              <FormControlLabel key={c} control={<Checkbox checked={columns.includes(c)} onChange={() => toggle(c)} />} label={dt(`printing.columns.plaques.${c}`)} data-testid={`print-list-column-${c}`} />
            ))}
          </FormGroup>
          {columns.length === 0 ? <Alert severity="warning">{dt('printing.listNeedColumn')}</Alert> : null}
          <Typography variant="body2" color="text.secondary">{dt('printing.listMasked')}</Typography>
        </PrintJobDialog>
      ) : null}
    </>
  );
}
