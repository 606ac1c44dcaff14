import { useState } from 'react';
import { Button, Chip, Stack } from '@mui/material';
import type { BackupFile } from '../../../../shared/contract';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useBackupT } from './i18n';

/**
 * In an encrypted installation, a backup made before the encryption holds the data in the clear:
 * say so (未加密) and offer to delete it, in two clicks.
 */
export function UnencryptedBackup({ file, onRemoved }: { file: BackupFile; onRemoved: () => void }) {
  const t = useBackupT();
  const remove = useAction('backup.removePlain');
  const [confirming, setConfirming] = useState(false);
  const run = async () => {
    if (await remove.run({ file: file.file })) onRemoved();
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Chip size="small" color="warning" label={t('list.unencrypted')} title={t('list.unencryptedHelp')} data-testid="backup-unencrypted" />
      {confirming ? (
        <Button size="small" color="error" variant="contained" disabled={remove.busy} onClick={() => void run()} data-testid="backup-remove-plain-confirm">
          {t('list.removePlainConfirm')}
        </Button>
      ) : (
        <Button size="small" color="error" onClick={() => setConfirming(true)} data-testid="backup-remove-plain">
          {t('list.removePlain')}
        </Button>
      )}
      <ApiErrorAlert error={remove.error} />
    </Stack>
  );
}
