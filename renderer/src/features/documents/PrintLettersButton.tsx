/**
 * 打印喜报: starts documents.printLetters for the chosen awards, shows the job's progress (and,
 * when a character cannot be printed, which record and field), and opens the preview when done.
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Tooltip } from '@mui/material';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import type { ApiError, Job } from '../../../../shared/contract';
import { lettersJobResultSchema } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useDocumentsT } from './i18n';

/** The progress of a print job; opens the document's preview when it is done. */
export function PrintJobDialog({ jobId, error, onClose }: { jobId: number | null; error?: ApiError | null; onClose: () => void }) {
  const dt = useDocumentsT();
  const finished = (job: Job) => {
    // Every print job answers the register id of its document.
    const result = lettersJobResultSchema.pick({ documentId: true }).safeParse(job.result);
    if (job.status === 'done' && result.success) {
      onClose();
      navigate(`/documents/${result.data.documentId}`);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="print-title" data-testid="print-dialog">
      <DialogTitle id="print-title">{dt('print.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          {jobId !== null ? <JobProgress jobId={jobId} onFinished={finished} /> : null}
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="print-close">
          {dt('print.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function PrintLettersButton({ awardIds, showCount = false }: { awardIds: readonly number[]; showCount?: boolean }) {
  const dt = useDocumentsT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setOpen(true);
    setJobId(null);
    setError(null);
    setBusy(true);
    const started = await client.call('documents.printLetters', { awardIds: [...awardIds] });
    setBusy(false);
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };

  return (
    <>
      <Tooltip title={awardIds.length === 0 ? dt('print.none') : dt('print.hint')}>
        <span>
          <Button variant="outlined" startIcon={<PrintIcon />} disabled={busy || awardIds.length === 0} onClick={() => void start()} data-testid="print-letters" sx={{ whiteSpace: 'nowrap' }}>
            {showCount ? dt('print.buttonCount', { count: awardIds.length }) : dt('print.button')}
          </Button>
        </span>
      </Tooltip>
      {open ? <PrintJobDialog jobId={jobId} error={error} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
