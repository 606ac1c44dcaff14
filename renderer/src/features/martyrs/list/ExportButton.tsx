/**
 * 导出 Excel: the current search, filters and order (the list's own input, without the page cursor
 * and size) written to an xlsx by a job; when it is done the file downloads (exports.file).
 */
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import type { ApiError, Job, MethodInput } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useMartyrsT } from '../i18n';
import { downloadBase64 } from '../../../lib/download';

export function ExportButton({ input }: { input: MethodInput<'martyrs.export'> }) {
  const mt = useMartyrsT();
  const client = useClient();
  const [jobId, setJobId] = useState<number | null>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);

  const start = async () => {
    setOpen(true);
    setFile(null);
    setError(null);
    setJobId(null);
    setBusy(true);
    const started = await client.call('martyrs.export', input);
    setBusy(false);
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };

  const finished = async (job: Job) => {
    if (job.status !== 'done') return;
    const got = await client.call('exports.file', { jobId: job.id });
    if (!got.ok) return setError(got.error);
    setFile(got.value);
    downloadBase64(got.value.fileName, got.value.dataBase64);
  };

  return (
    <>
      <Tooltip title={mt('export.hint')}>
        <span>
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void start()} disabled={busy} data-testid="martyr-export" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {mt('export.button')}
          </Button>
        </span>
      </Tooltip>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="export-title" data-testid="export-dialog">
          <DialogTitle id="export-title">{mt('export.title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={1.5}>
              {jobId !== null ? <JobProgress jobId={jobId} onFinished={(job) => void finished(job)} /> : null}
              {file ? (
                <Alert
                  severity="success"
                  data-testid="export-done"
                  action={
                    <Button color="inherit" size="small" onClick={() => downloadBase64(file.fileName, file.dataBase64)}>
                      {mt('export.download')}
                    </Button>
                  }
                >
                  {mt('export.done', { name: file.fileName })}
                </Alert>
              ) : null}
              <ApiErrorAlert error={error} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} data-testid="export-close">
              {mt('export.close')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
}
