import { useEffect, useMemo, useState } from 'react';
import { Box, Chip, Typography, useTheme } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { LedgerRow } from '../../../../shared/contract/plaques';
import { ledgerInput, type LedgerFilter as ListFilter } from '../../lib/listLinks';
import { useQuery } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { cursorFor, firstPageCursors, withNext, type LedgerCursors } from './ledgerPages';
import { usePlaquesT } from './i18n';

const PAGE_SIZE = 100;

export interface LedgerFilter extends ListFilter {
  query: string;
  /** One village: its name in every row says nothing. */
  villageChosen: boolean;
}

/**
 * The ledger (登记造册) as a virtualized grid over keyset pages of 100 households: a county's tens of
 * thousands of households page as fast at the end as at the start. Mount it with a `key` of its
 * filter so a new filter starts at page 1. Click or Enter opens a household.
 */
export function LedgerGrid({ filter, version, selected, onSelect }: { filter: LedgerFilter; version: number; selected: number | null; onSelect: (householdId: number) => void }) {
  const pt = usePlaquesT();
  const gridLocale = useTheme().components?.MuiDataGrid?.defaultProps?.localeText;
  const [cursors, setCursors] = useState<LedgerCursors>(firstPageCursors);
  const [model, setModel] = useState<GridPaginationModel>({ page: 0, pageSize: PAGE_SIZE });
  const start = cursorFor(cursors, model.page);
  const after = start.known ? start.after : undefined;
  const ledger = useQuery('plaques.ledger', {
    ...ledgerInput(filter),
    query: filter.query,
    limit: PAGE_SIZE,
    ...(after ? { after } : {}),
  });
  const { reload } = ledger;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const next = ledger.data?.next ?? null;
  useEffect(() => setCursors((c) => withNext(c, model.page, next)), [model.page, next]);

  const columns = useMemo<GridColDef<LedgerRow>[]>(
    () => [
      { field: 'headName', headerName: pt('cols.head'), width: 84 },
      { field: 'divisionName', headerName: pt('cols.village'), width: 130 },
      { field: 'addressText', headerName: pt('cols.address'), flex: 1, minWidth: 90 },
      { field: 'plaqueNumber', headerName: pt('cols.number'), width: 150, valueGetter: (_v, r) => r.plaqueNumber ?? '—' },
      { field: 'category', headerName: pt('cols.category'), width: 104, valueGetter: (_v, r) => (r.category ? pt(`categories.${r.category}`) : '—') },
      { field: 'qualifyingPersonName', headerName: pt('cols.qualifying'), width: 84, valueGetter: (_v, r) => r.qualifyingPersonName ?? '—' },
      {
        field: 'status',
        headerName: pt('cols.status'),
        width: 84,
        renderCell: ({ row }) => (row.status ? <Chip size="small" variant="outlined" color={row.status === 'hung' ? 'success' : row.status === 'taken_back' || row.status === 'cancelled' ? 'warning' : 'default'} label={pt(`statuses.${row.status}`)} /> : '—'),
      },
      { field: 'hungDate', headerName: pt('cols.hungDate'), width: 96, valueGetter: (_v, r) => r.hungDate ?? '' },
      { field: 'hungPlace', headerName: pt('cols.hungPlace'), width: 96 },
      { field: 'signed', headerName: pt('cols.signed'), width: 52, valueGetter: (_v, r) => (r.signed ? pt('signedShort') : r.status === 'hung' ? pt('unsignedShort') : '') },
    ],
    [pt],
  );

  const rows = ledger.data?.rows ?? [];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, width: '100%', flex: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }} data-testid="ledger-count">{pt('count', { count: ledger.data?.count ?? 0 })}</Typography>
      <ApiErrorAlert error={ledger.error} />
      <Box sx={{ flex: 1, minHeight: 360, minWidth: 0 }} data-testid="ledger">
        <DataGrid
          rows={rows}
          getRowId={(r) => r.householdId}
          columns={columns}
          rowCount={ledger.data?.count ?? 0}
          loading={ledger.loading}
          paginationMode="server"
          paginationModel={model}
          onPaginationModelChange={(m) => {
            if (m.pageSize !== model.pageSize) return;
            if (cursorFor(cursors, m.page).known) setModel(m);
          }}
          pageSizeOptions={[PAGE_SIZE]}
          disableColumnFilter
          disableColumnSorting
          disableColumnMenu
          density="compact"
          columnVisibilityModel={{ divisionName: !filter.villageChosen }}
          hideFooterSelectedRowCount
          rowSelectionModel={{ type: 'include', ids: new Set(selected === null ? [] : [selected]) }}
          localeText={{ ...gridLocale, noRowsLabel: filter.divisionCode ? pt('empty') : pt('noDivision') }}
          onRowClick={({ row }) => onSelect(row.householdId)}
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') onSelect(row.householdId);
          }}
          slotProps={{ row: { 'data-testid': 'ledger-row' } as object }}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Box>
    </Box>
  );
}
