import { useState } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { SectionPanel } from '../../components/SectionPanel';
import type { BackupSettings } from '../../../../shared/contract';
import { useAction } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useBackupT } from './i18n';

/** Where automatic backups go, and when the last one ran. */
export function AutoBackupPanel({ settings, onSaved }: { settings: BackupSettings; onSaved: () => void }) {
  const t = useBackupT();
  const update = useAction('backup.updateSettings');
  const [folder, setFolder] = useState(settings.folder);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    if (await update.run({ folder })) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <SectionPanel title={t('auto.title')} lead={t('auto.lead')} spacing={1.5}>
        <TextField
          label={t('auto.folder')}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          helperText={t('auto.folderHelp', { folder: settings.defaultFolder })}
          sx={{ maxWidth: 640 }}
          slotProps={{ htmlInput: { 'data-testid': 'auto-backup-folder' } }}
        />
        <Typography variant="body2">{t('auto.current', { folder: settings.effectiveFolder })}</Typography>
        <Typography variant="body2" data-testid="auto-backup-last">
          {settings.lastAutomaticAt ? t('auto.last', { at: `${formatDateTime(settings.lastAutomaticAt)} · ${settings.lastAutomaticFile ?? ''}` }) : t('auto.never')}
        </Typography>
        <ApiErrorAlert error={update.error} />
        {saved ? <Alert severity="success">{t('auto.saved')}</Alert> : null}
        <Box>
          <Button variant="outlined" onClick={() => void save()} disabled={update.busy} data-testid="auto-backup-save">
            {t('auto.save')}
          </Button>
        </Box>
    </SectionPanel>
  );
}
