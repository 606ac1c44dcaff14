import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Typography, useTheme } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../shared/contract';
import { useAction, useQuery } from '../../../lib/useApi';
import { formatCount, formatDateTime } from '../../../lib/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditDetailDialog } from './AuditDetailDialog';
import { failedActions, useAuditLabels } from './auditLabels';
import { summarize } from './auditDiff';
import { useAuditLog, type AuditFilters } from './useAuditLog';

/** 审计日志 — the append-only log: filter, page through by keyset, open an entry, verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [version, setVersion] = useState(0);
  const log = useAuditLog(filters, version);
  const vocabulary = useQuery('audit.entities', {});
  const users = useQuery('users.list', {});
  const verify = useAction('audit.verify');
  const [verdict, setVerdict] = useState<Awaited<ReturnType<typeof verify.run>>>(undefined);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const gridLocale = useTheme().components?.MuiDataGrid?.defaultProps?.localeText;

  const columns = useMemo<GridColDef<AuditEntry>[]>(
    () => [
      { field: 'id', headerName: '#', width: 80, sortable: false, valueFormatter: (v: number) => String(v) },
      { field: 'at', headerName: t('audit.time'), width: 170, sortable: false, valueFormatter: (v: string) => formatDateTime(v) },
      { field: 'username', headerName: t('audit.user'), width: 130, sortable: false, valueGetter: (_v, row) => labels.user(row.username) },
      { field: 'entity', headerName: t('audit.entity'), width: 120, sortable: false, valueGetter: (_v, row) => labels.entity(row.entity) },
      { field: 'entityId', headerName: t('audit.entityId'), width: 110, sortable: false },
      {
        field: 'action',
        headerName: t('audit.action'),
        width: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            variant="outlined"
            color={failedActions.has(row.action) ? 'warning' : 'default'}
            label={labels.action(row.action)}
            data-action={row.action}
          />
        ),
      },
      {
        field: 'summary',
        headerName: t('audit.summary'),
        flex: 1,
        minWidth: 160,
        sortable: false,
        valueGetter: (_v, row) => summarize(row),
        cellClassName: 'audit-summary',
      },
    ],
    [t, labels],
  );

  if (log.error?.code === 'FORBIDDEN') return <ForbiddenPage error={log.error} />;

  const runVerify = async () => {
    setVerdict(undefined);
    setVerdict(await verify.run({}));
  };

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <AuditFilterBar
        value={filters}
        onChange={setFilters}
        users={users.data ?? []}
        entities={vocabulary.data?.entities ?? []}
        actions={vocabulary.data?.actions ?? []}
      />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-testid="audit-total">
          {t('audit.total', { total: formatCount(log.total) })}
        </Typography>
        <Button startIcon={<RefreshIcon />} color="inherit" onClick={() => setVersion((v) => v + 1)}>
          {t('common.refresh')}
        </Button>
        <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => void runVerify()} disabled={verify.busy} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Stack>
      {verdict ? (
        <Alert severity={verdict.ok ? 'success' : 'error'} onClose={() => setVerdict(undefined)} data-testid="audit-verify-result" data-ok={String(verdict.ok)}>
          {verdict.ok
            ? t('audit.verifyOk', { checked: formatCount(verdict.checked) })
            : verdict.firstBadId !== null
              ? t('audit.verifyBad', { id: verdict.firstBadId, checked: formatCount(verdict.checked), reason: verdict.reason ?? '' })
              : t('audit.verifyBadNoId', { checked: formatCount(verdict.checked), reason: verdict.reason ?? '' })}
        </Alert>
      ) : null}
      <ApiErrorAlert error={verify.error ?? log.error} />
      <Box sx={{ flex: 1, minHeight: 300 }} data-testid="audit-grid">
        <DataGrid
          rows={log.rows}
          columns={columns}
          rowCount={log.total}
          loading={log.loading}
          paginationMode="server"
          paginationModel={log.paginationModel}
          onPaginationModelChange={log.setPaginationModel}
          pageSizeOptions={[50, 100]}
          disableColumnFilter
          disableColumnSorting
          localeText={{ ...gridLocale, noRowsLabel: t('audit.noRows') }}
          onRowClick={({ row }) => setOpen(row)}
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') setOpen(row);
          }}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .audit-summary': { color: 'text.secondary', fontSize: 13 } }}
        />
      </Box>
      {open ? <AuditDetailDialog entry={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
