/**
 * 来源: the registers, printed rolls, certificates and letters records are keyed from, with how
 * many records each holds. Create, correct, and open the roll filtered by one source.
 */
import { useMemo, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/EditOutlined';
import ListIcon from '@mui/icons-material/FormatListBulleted';
import { useTranslation } from 'react-i18next';
import { editors, type Source } from '../../../../../shared/contract';
import { navigate } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useApi';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { SourceDialog } from './SourceDialog';
import { SuccessNotice } from '../../../components/SuccessNotice';

export function SourcesPage() {
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const labels = useMartyrLabels();
  const user = useUser();
  const mayEdit = editors.includes(user.role);
  const sources = useQuery('sources.list', {});
  const [dialog, setDialog] = useState<{ source: Source | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo<GridColDef<Source>[]>(
    () => [
      { field: 'title', headerName: mt('source.title'), flex: 2, minWidth: 220 },
      { field: 'kind', headerName: mt('source.kind'), width: 140, valueGetter: (_v, row) => labels.sourceKind(row.kind) },
      { field: 'recordCount', headerName: mt('source.recordCount'), width: 100, type: 'number' },
      { field: 'description', headerName: mt('source.description'), flex: 2, minWidth: 180 },
      { field: 'createdAt', headerName: mt('source.createdAt'), width: 170, valueFormatter: (value: string) => formatDateTime(value) },
      {
        field: 'actions',
        type: 'actions',
        headerName: '',
        width: 90,
        getActions: ({ row }) => [
          <GridActionsCellItem key="list" icon={<ListIcon fontSize="small" />} label={mt('source.listRecords')} onClick={() => navigate(`/martyrs?source=${row.id}`)} data-testid={`source-records-${row.id}`} />,
          ...(mayEdit
            ? [<GridActionsCellItem key="edit" icon={<EditIcon fontSize="small" />} label={t('common.edit')} onClick={() => setDialog({ source: row })} data-testid={`source-edit-${row.id}`} />]
            : []),
        ],
      },
    ],
    [mt, t, labels, mayEdit],
  );

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {sources.data ? (sources.data.length === 0 ? mt('source.empty') : mt('source.count', { count: sources.data.length })) : null}
        </Typography>
        {mayEdit ? (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ source: null })} data-testid="source-create">
            {mt('source.new')}
          </Button>
        ) : null}
      </Stack>
      <ApiErrorAlert error={sources.error} />
      <Box sx={{ flex: 1, minHeight: 240 }} data-testid="sources-grid">
        <DataGrid
          rows={sources.data ?? []}
          columns={columns}
          loading={sources.loading && !sources.data}
          onRowDoubleClick={({ row }) => mayEdit && setDialog({ source: row })}
          hideFooter={(sources.data?.length ?? 0) <= 100}
        />
      </Box>
      {dialog ? (
        <SourceDialog
          source={dialog.source}
          onClose={() => setDialog(null)}
          onSaved={(source, created) => {
            setDialog(null);
            setNotice(created ? mt('source.created', { title: source.title }) : mt('source.updated', { title: source.title }));
            sources.reload();
          }}
        />
      ) : null}
      <SuccessNotice notice={notice} onClose={() => setNotice(null)} />
    </Stack>
  );
}
