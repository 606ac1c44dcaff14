import { useState } from 'react';
import { Alert, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { BackupKeyInput, Job } from '../../../../shared/contract';
import { useAction, useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useSession } from '../auth/SessionProvider';
import { formatBytes, useBackupT } from './i18n';
import { countsText } from './BackupPage';
import { RestoreKeyFields } from './RestoreKeyFields';

/**
 * What the backup holds (read from its manifest before anything is replaced), a confirmation,
 * then the restore job's progress. When it is done the data has been swapped and every session
 * signed out: the button leads back to the sign-in screen.
 */
export function RestoreDialog({ file, onClose }: { file: string; onClose: () => void }) {
  const t = useBackupT();
  const { pick } = useLang();
  const session = useSession();
  const preview = useQuery('backup.inspect', { file });
  const restore = useAction('backup.restore');
  const [confirmed, setConfirmed] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const [key, setKey] = useState<BackupKeyInput | null>(null);
  const summary = preview.data?.summary;
  const running = jobId !== null && finished === null;
  // A backup under another key than this installation's needs its key before it can start.
  const needsKey = preview.data?.keyStatus === 'otherKey';

  const start = async () => {
    const job = await restore.run(needsKey && key ? { file, key } : { file });
    if (job) setJobId(job.id);
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="sm" fullWidth data-testid="restore-dialog">
      <DialogTitle>{t('preview.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{t('preview.lead')}</Alert>
          {!preview.data && !preview.error ? <CircularProgress size={24} /> : null}
          <ApiErrorAlert error={preview.error} />
          {preview.data?.problem ? <Alert severity="error">{pick(preview.data.problem)}</Alert> : null}
          {summary ? (
            <Table size="small" data-testid="restore-preview">
              <TableBody>
                <TableRow>
                  <TableCell component="th">{t('preview.file')}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{file}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th">{t('preview.createdAt')}</TableCell>
                  <TableCell>{`${formatDateTime(summary.createdAt)} · ${t(`reasons.${summary.reason}`)}`}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th">{t('preview.createdBy')}</TableCell>
                  <TableCell>{summary.createdBy.username}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th">{t('preview.version')}</TableCell>
                  <TableCell>{`${summary.appVersion} / ${summary.schemaVersion}`}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th">{t('preview.contents')}</TableCell>
                  <TableCell data-testid="restore-counts">
                    {countsText(t, summary.counts)}
                    <br />
                    {summary.includesAttachments ? t('preview.attachmentsIncluded', { files: summary.files, size: formatBytes(summary.bytes) }) : t('preview.attachmentsNot')}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          ) : null}
          {jobId === null && needsKey && summary?.encryption ? <RestoreKeyFields keyId={summary.encryption.keyId} onChange={setKey} /> : null}
          {jobId === null && preview.data?.unencryptedCopy ? <Alert severity="info">{t('preview.encryptedPlain')}</Alert> : null}
          {jobId === null && preview.data?.restorable ? (
            <FormControlLabel
              control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} slotProps={{ input: { 'data-testid': 'restore-confirm' } as object }} />}
              label={t('preview.confirm')}
            />
          ) : null}
          <ApiErrorAlert error={restore.error} />
          {jobId !== null ? <JobProgress jobId={jobId} onFinished={setFinished} /> : null}
          {finished?.status === 'done' ? (
            <Alert severity="success" data-testid="restore-done">
              {t('preview.done')}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        {finished?.status === 'done' ? (
          <Button variant="contained" onClick={() => session.retry()} data-testid="restore-sign-in">
            {t('preview.signInAgain')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={running}>
              {t('preview.cancel')}
            </Button>
            {jobId === null ? (
              <Button variant="contained" color="warning" disabled={!confirmed || !preview.data?.restorable || restore.busy || (needsKey && key === null)} onClick={() => void start()} data-testid="restore-start">
                {t('preview.restore')}
              </Button>
            ) : null}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
