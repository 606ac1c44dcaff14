/**
 * 历史: every version of a record, newest first — who, when, what was done and why, and field by
 * field what it was before and after.
 */
import { Box, Chip, Drawer, IconButton, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useApi';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { formatHistoryValue, type ValueLabels } from './historyFormat';

const actionColors: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary'> = {
  create: 'primary',
  update: 'default',
  submit: 'info',
  verify: 'success',
  return: 'warning',
  delete: 'error',
  restore: 'info',
};

export function HistoryDrawer({ id, sources, onClose }: { id: number; sources: Source[]; onClose: () => void }) {
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const labels = useMartyrLabels();
  const history = useQuery('martyrs.history', { id });
  const valueLabels: ValueLabels = {
    empty: mt('history.emptyValue'),
    yes: mt('history.yes'),
    no: mt('history.no'),
    gender: (g) => (g === 'male' || g === 'female' || g === 'unknown' ? labels.gender(g) : g),
    period: (p) => labels.period(p as Parameters<typeof labels.period>[0]),
    status: (s) => labels.status(s as Parameters<typeof labels.status>[0]),
    relation: labels.relation,
    source: (sid) => sources.find((s) => s.id === sid)?.title ?? `#${sid}`,
  };

  return (
    <Drawer anchor="right" open onClose={onClose} sx={{ zIndex: (theme) => theme.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } } } }}>
      <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {mt('history.title')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('common.close')} data-testid="history-close">
          <CloseIcon />
        </IconButton>
      </Stack>
      <Box sx={{ flex: 1, overflow: 'auto', p: 2 }} data-testid="history-list">
        <ApiErrorAlert error={history.error} />
        {history.data && history.data.length === 0 ? <Typography color="text.secondary">{mt('history.empty')}</Typography> : null}
        {(history.data ?? []).map((entry) => (
          <Box key={entry.id} sx={{ mb: 2, pb: 2, borderBottom: 1, borderColor: 'divider' }} data-testid={`history-entry-${entry.version}`} data-action={entry.action}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Chip size="small" color={actionColors[entry.action] ?? 'default'} label={labels.action(entry.action)} variant={entry.action === 'update' ? 'outlined' : 'filled'} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {entry.displayName || entry.username}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {entry.username} · {formatDateTime(entry.at)} · {mt('record.version', { version: entry.version })}
              </Typography>
              {entry.recordId !== id ? <Chip size="small" variant="outlined" label={mt('history.fromMerged', { id: entry.recordId })} /> : null}
            </Stack>
            {entry.reason ? (
              <Typography variant="body2" sx={{ mb: 0.75, px: 1, py: 0.5, bgcolor: '#fff8e1', borderRadius: 0.5 }}>
                {mt('history.reason', { reason: entry.reason })}
              </Typography>
            ) : null}
            {entry.changes.length > 0 ? (
              <Box
                component="table"
                sx={{
                  width: '100%',
                  borderCollapse: 'collapse',
                  fontSize: '0.8125rem',
                  tableLayout: 'fixed',
                  '& td, & th': { borderTop: 1, borderColor: 'divider', px: 0.75, py: 0.5, verticalAlign: 'top', wordBreak: 'break-word', textAlign: 'left' },
                  '& th': { color: 'text.secondary', fontWeight: 500 },
                }}
              >
                <colgroup>
                  <col style={{ width: 120 }} />
                  {entry.action === 'create' ? null : <col />}
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th>{mt('history.field')}</th>
                    {entry.action === 'create' ? null : <th>{mt('history.before')}</th>}
                    <th>{mt('history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((c) => (
                    <tr key={c.field}>
                      <td style={{ fontWeight: 600 }}>{labels.field(c.field)}</td>
                      {entry.action === 'create' ? null : <Box component="td" sx={{ color: 'text.secondary' }}>{formatHistoryValue(c.field, c.before, valueLabels)}</Box>}
                      <td>{formatHistoryValue(c.field, c.after, valueLabels)}</td>
                    </tr>
                  ))}
                </tbody>
              </Box>
            ) : null}
          </Box>
        ))}
      </Box>
    </Drawer>
  );
}
