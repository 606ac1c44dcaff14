import { Alert, Box } from '@mui/material';
import { useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { useBackupT } from './i18n';

/**
 * On the sign-in screen after a restore (from Administration or from the recovery screen): what
 * happened — the backup's date and maker, where the replaced or damaged data was kept. Read from
 * the backend (`recovery.lastRestore`, the restored database's own record), so it shows after a
 * reload too, and until somebody signs in.
 */
export function RestoreNotice() {
  const t = useBackupT();
  const last = useQuery('recovery.lastRestore', {});
  const notice = last.data;
  if (!notice) return null;
  const values = {
    createdAt: notice.backupCreatedAt ? formatDateTime(notice.backupCreatedAt) : t('signInNotice.unknownTime'),
    by: notice.backupCreatedBy ?? t('signInNotice.unknownMaker'),
    dir: notice.replacedDir,
  };
  return (
    <Alert severity="info" data-testid="login-restore-notice" sx={{ wordBreak: 'break-word' }}>
      {t(notice.beforeSignIn ? 'signInNotice.restoredDamaged' : 'signInNotice.restored', values)}
      <Box component="div" sx={{ mt: 0.5, typography: 'caption', color: 'text.secondary' }}>
        {t('signInNotice.detail', { at: formatDateTime(notice.at), file: notice.file })}
      </Box>
    </Alert>
  );
}
