import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../shared/contract';
import { formatDateTime } from '../../../lib/format';
import { MONO_STACK } from '../../../app/theme';
import { useAuditLabels } from './auditLabels';
import { changedFields } from './auditDiff';

function JsonPane({ title, value, changed }: { title: string; value: unknown; changed: string[] }) {
  const { t } = useTranslation();
  const lines = value === null || value === undefined ? null : JSON.stringify(value, null, 2).split('\n');
  return (
    <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Box
        component="pre"
        sx={{ m: 0, p: 1.5, flex: 1, minHeight: 120, maxHeight: 420, overflow: 'auto', bgcolor: 'background.default', border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: MONO_STACK, fontSize: 12.5, lineHeight: 1.6 }}
      >
        {lines === null ? (
          <Typography component="span" variant="body2" color="text.secondary">
            {t('audit.empty')}
          </Typography>
        ) : (
          lines.map((line, i) => {
            const key = /^ {2}"([^"]+)":/.exec(line)?.[1];
            const highlight = key !== undefined && changed.includes(key);
            return (
              <Box key={i} component="span" sx={{ display: 'block', bgcolor: highlight ? 'rgba(237, 108, 2, 0.12)' : undefined }}>
                {line}
              </Box>
            );
          })
        )}
      </Box>
    </Box>
  );
}

/** One audit entry: who, when, what — and the record before and after, side by side. */
export function AuditDetailDialog({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const changed = changedFields(entry.before, entry.after);
  const facts: [string, string][] = [
    [t('audit.time'), formatDateTime(entry.at)],
    [t('audit.user'), labels.user(entry.username)],
    [t('audit.entity'), labels.entity(entry.entity)],
    [t('audit.entityId'), entry.entityId ?? '—'],
    [t('audit.action'), labels.action(entry.action)],
  ];
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="audit-detail-title" data-testid="audit-detail">
      <DialogTitle id="audit-detail-title">{t('audit.detailTitle', { id: entry.id })}</DialogTitle>
      <DialogContent dividers>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0, mb: 2 }}>
          {facts.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {value}
              </Typography>
            </Box>
          ))}
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ gridColumn: 1 }}>
            {t('audit.hash')}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: MONO_STACK, fontSize: 12, wordBreak: 'break-all', gridColumn: '2 / span 3' }}>
            {entry.hash}
          </Typography>
        </Box>
        {changed.length > 0 ? (
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            {t('audit.changed', { fields: changed.join(', ') })}
          </Typography>
        ) : null}
        <Stack direction="row" spacing={2}>
          <JsonPane title={t('audit.before')} value={entry.before} changed={changed} />
          <JsonPane title={t('audit.after')} value={entry.after} changed={changed} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
