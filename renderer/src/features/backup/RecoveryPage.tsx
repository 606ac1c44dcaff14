import { useState } from 'react';
import { Alert, Box, Button, List, ListItemButton, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { useAction, useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useSession } from '../auth/SessionProvider';
import { useBackupT } from './i18n';
import { countsText } from './BackupPage';
import { RecoveryProgress } from './RecoveryProgress';

/**
 * Before sign-in, when the database could not be opened at start (damaged or truncated): what
 * happened, where the damaged files were kept, and the backups to restore from — the newest
 * first, or any file typed in. No sign-in is asked: the users are in the damaged file, and only a
 * backup whose every entry is verified can replace it (see electron/core/backup/host.ts).
 */
export function RecoveryPage() {
  const t = useBackupT();
  const { pick } = useLang();
  const session = useSession();
  const status = useQuery('recovery.status', {});
  const restore = useAction('recovery.restore');
  const [file, setFile] = useState('');
  const damaged = status.data?.state === 'damaged' ? status.data : null;
  const chosen = file || damaged?.backups.find((b) => b.restorable)?.file || '';

  const start = async () => {
    if (await restore.run({ file: chosen })) session.retry();
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 720, width: '100%' }} data-testid="recovery-page">
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">
            {t('recovery.title')}
          </Typography>
          <ApiErrorAlert error={status.error} />
          {damaged ? (
            <>
              <Alert severity="error">{pick(damaged.message)}</Alert>
              <Typography variant="body2">
                {t('recovery.lead')} {damaged.damagedDir ?? t('recovery.noCopy')}
              </Typography>
              <Typography variant="body2">{t('recovery.choose')}</Typography>
              <Typography variant="caption" color="text.secondary">{`${t('recovery.folder')}: ${damaged.backupFolder}`}</Typography>
              {damaged.backups.length === 0 ? <Alert severity="info">{t('recovery.none')}</Alert> : null}
              <List dense>
                {damaged.backups.map((backup) => (
                  <ListItemButton key={backup.file} selected={chosen === backup.file} disabled={!backup.restorable} onClick={() => setFile(backup.file)} data-testid="recovery-backup">
                    <ListItemText
                      primary={backup.summary ? `${formatDateTime(backup.summary.createdAt)} · ${t(`reasons.${backup.summary.reason}`)} · ${backup.name}` : backup.name}
                      secondary={backup.summary ? countsText(t, backup.summary.counts) : backup.problem ? pick(backup.problem) : ''}
                    />
                  </ListItemButton>
                ))}
              </List>
              <TextField label={t('recovery.other')} value={file} onChange={(e) => setFile(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'recovery-file' } }} />
              <Typography variant="caption" color="text.secondary">
                {t('recovery.why')}
              </Typography>
              <ApiErrorAlert error={restore.error} />
              <Box>
                <Button variant="contained" disabled={!chosen || restore.busy} onClick={() => void start()} data-testid="recovery-restore">
                  {t('recovery.restore')}
                </Button>
              </Box>
              <RecoveryProgress active={restore.busy} />
            </>
          ) : null}
          <Box>
            <Button onClick={() => session.retry()}>{t('recovery.retry')}</Button>
          </Box>
        </Stack>
      </Paper>
    </Box>
  );
}
