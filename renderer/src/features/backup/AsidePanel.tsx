import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { SectionPanel } from '../../components/SectionPanel';
import type { AsideFolder } from '../../../../shared/contract';
import { useAction, useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatBytes, useBackupT } from './i18n';

/** The data a restore replaced and damaged databases found at start, kept until the administrator removes them. */
export function AsidePanel() {
  const t = useBackupT();
  const aside = useQuery('backup.asideList', {});
  const remove = useAction('backup.removeAside');
  const [asking, setAsking] = useState<AsideFolder | null>(null);

  const confirm = async () => {
    if (!asking) return;
    const done = await remove.run({ name: asking.name });
    setAsking(null);
    if (done) aside.reload();
  };

  return (
    <SectionPanel title={t('aside.title')} lead={t('aside.lead')} spacing={1}>
        <ApiErrorAlert error={aside.error ?? remove.error} />
        {aside.data && aside.data.length === 0 ? <Typography color="text.secondary">{t('aside.empty')}</Typography> : null}
        <List dense>
          {(aside.data ?? []).map((folder) => (
            <ListItem
              key={folder.name}
              data-testid="aside-row"
              secondaryAction={
                <Button size="small" color="error" onClick={() => setAsking(folder)} data-testid="aside-remove">
                  {t('aside.remove')}
                </Button>
              }
            >
              <ListItemText
                primary={`${t(folder.kind === 'replaced' ? 'aside.replaced' : 'aside.damaged')} · ${formatDateTime(folder.createdAt)} · ${formatBytes(folder.bytes)}`}
                secondary={folder.path}
              />
            </ListItem>
          ))}
        </List>
      <Dialog open={asking !== null} onClose={() => setAsking(null)}>
        <DialogContent>{asking ? t('aside.removeConfirm', { name: asking.name, size: formatBytes(asking.bytes) }) : null}</DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)}>{t('preview.cancel')}</Button>
          <Button color="error" variant="contained" disabled={remove.busy} onClick={() => void confirm()} data-testid="aside-remove-confirm">
            {t('aside.remove')}
          </Button>
        </DialogActions>
      </Dialog>
    </SectionPanel>
  );
}
