import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { SectionPanel } from '../../components/SectionPanel';
import type { BackupFile, Job } from '../../../../shared/contract';
import { useAction, useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { ForbiddenPage } from '../shell/ForbiddenPage';
import { formatBytes, useBackupT } from './i18n';
import { RestoreDialog } from './RestoreDialog';
import { AsidePanel } from './AsidePanel';
import { AutoBackupPanel } from './AutoBackupPanel';
import { UnencryptedBackup } from './UnencryptedBackup';

/**
 * 系统管理 → 备份与恢复: back up now to a folder (a USB stick), the backups found there with what
 * they hold, restore one (preview, confirm, progress), the data kept aside, the automatic backups.
 */
export function BackupPage() {
  const settings = useQuery('backup.settings', {});
  if (settings.error?.code === 'FORBIDDEN') return <ForbiddenPage error={settings.error} />;
  if (!settings.data) return settings.error ? <ApiErrorAlert error={settings.error} /> : <CircularProgress size={24} />;
  return (
    <Stack spacing={2}>
      <BackupNow initialFolder={settings.data.effectiveFolder} onAutomaticChanged={settings.reload} />
      <AsidePanel />
      <AutoBackupPanel settings={settings.data} onSaved={settings.reload} />
    </Stack>
  );
}

function BackupNow({ initialFolder, onAutomaticChanged }: { initialFolder: string; onAutomaticChanged: () => void }) {
  const t = useBackupT();
  const create = useAction('backup.create');
  const [folder, setFolder] = useState(initialFolder);
  const [shown, setShown] = useState(initialFolder);
  const [jobId, setJobId] = useState<number | null>(null);
  const [done, setDone] = useState<{ name: string; size: number; files: number } | null>(null);
  const list = useQuery('backup.list', { folder: shown }, shown.trim() !== '');

  const start = async () => {
    setDone(null);
    setShown(folder);
    const job = await create.run({ folder });
    if (job) setJobId(job.id);
  };
  const finished = (job: Job) => {
    if (job.status === 'done') setDone(job.result as { name: string; size: number; files: number });
    list.reload();
    onAutomaticChanged();
  };

  return (
    <SectionPanel title={t('now.title')} lead={t('now.lead')} spacing={2}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={t('now.folder')}
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            helperText={t('now.folderHelp')}
            sx={{ flex: 1, maxWidth: 640 }}
            slotProps={{ htmlInput: { 'data-testid': 'backup-folder' } }}
          />
          <Button variant="contained" onClick={() => void start()} disabled={create.busy || folder.trim() === '' || (jobId !== null && done === null && !list.data)} data-testid="backup-start" sx={{ mt: 1 }}>
            {t('now.start')}
          </Button>
          <Button onClick={() => setShown(folder)} sx={{ mt: 1 }} data-testid="backup-refresh">
            {t('list.refresh')}
          </Button>
        </Stack>
        <ApiErrorAlert error={create.error} />
        {jobId !== null ? <JobProgress key={jobId} jobId={jobId} onFinished={finished} /> : null}
        {done ? (
          <Alert severity="success" data-testid="backup-done">
            {t('now.done', { name: done.name, size: formatBytes(done.size), files: done.files })}
          </Alert>
        ) : null}
        <Typography variant="subtitle1" component="h3">
          {t('list.title')}
        </Typography>
        <ApiErrorAlert error={list.error} />
        <BackupTable files={list.data ?? []} onRestored={list.reload} />
    </SectionPanel>
  );
}

export function countsText(t: ReturnType<typeof useBackupT>, counts: Record<string, number>): string {
  return t('counts', { martyrs: counts.martyrs ?? 0, persons: counts.persons ?? 0, attachments: counts.attachments ?? 0, users: counts.users ?? 0 });
}

function BackupTable({ files, onRestored }: { files: BackupFile[]; onRestored: () => void }) {
  const t = useBackupT();
  const { pick } = useLang();
  const [chosen, setChosen] = useState<BackupFile | null>(null);
  useEffect(() => setChosen(null), [files]);
  if (files.length === 0) return <Typography color="text.secondary">{t('list.empty')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="backup-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('list.columns.name')}</TableCell>
            <TableCell>{t('list.columns.createdAt')}</TableCell>
            <TableCell>{t('list.columns.reason')}</TableCell>
            <TableCell>{t('list.columns.by')}</TableCell>
            <TableCell>{t('list.columns.counts')}</TableCell>
            <TableCell align="right">{t('list.columns.size')}</TableCell>
            <TableCell />
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {files.map((file) => (
            <TableRow key={file.file} data-testid="backup-row" data-name={file.name}>
              <TableCell sx={{ wordBreak: 'break-all' }}>{file.name}</TableCell>
              <TableCell>{file.summary ? formatDateTime(file.summary.createdAt) : ''}</TableCell>
              <TableCell>{file.summary ? t(`reasons.${file.summary.reason}`) : ''}</TableCell>
              <TableCell>{file.summary?.createdBy.username ?? ''}</TableCell>
              <TableCell>{file.summary ? countsText(t, file.summary.counts) : file.problem ? <Chip size="small" color="error" label={pick(file.problem)} /> : null}</TableCell>
              <TableCell align="right">{formatBytes(file.size)}</TableCell>
              <TableCell>
                {file.unencryptedCopy ? <UnencryptedBackup file={file} onRemoved={onRestored} /> : file.keyStatus === 'otherKey' ? <Chip size="small" label={t('list.otherKey')} /> : null}
              </TableCell>
              <TableCell>
                {file.restorable ? (
                  <Button size="small" onClick={() => setChosen(file)} data-testid="backup-restore">
                    {t('list.restore')}
                  </Button>
                ) : (
                  <Chip size="small" label={t('list.unusable')} title={file.problem ? pick(file.problem) : ''} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {chosen ? <RestoreDialog file={chosen.file} onClose={() => { setChosen(null); onRestored(); }} /> : null}
    </Box>
  );
}
