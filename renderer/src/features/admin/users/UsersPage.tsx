import { useMemo, useState } from 'react';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import { useTranslation } from 'react-i18next';
import { roleNames, type User } from '../../../../../shared/contract';
import { useLang } from '../../../i18n';
import { useQuery } from '../../../lib/useApi';
import { formatDateTime } from '../../../lib/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { UserFormDialog } from './UserFormDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { SuccessNotice } from '../../../components/SuccessNotice';

type Dialogs = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** 用户管理 — the accounts: create, change name, role or whether they may sign in, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const users = useQuery('users.list', {});
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo<GridColDef<User>[]>(
    () => [
      { field: 'username', headerName: t('users.username'), flex: 1, minWidth: 130 },
      { field: 'displayName', headerName: t('users.displayName'), flex: 1, minWidth: 120 },
      { field: 'role', headerName: t('users.role'), width: 150, valueGetter: (_v, row) => pick(roleNames[row.role]) },
      {
        field: 'active',
        headerName: t('users.active'),
        width: 230,
        valueGetter: (_v, row) => (row.active ? t('users.activeYes') : t('users.activeNo')),
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            <Chip size="small" variant="outlined" color={row.active ? 'success' : 'default'} label={row.active ? t('users.activeYes') : t('users.activeNo')} />
            {row.mustChangePassword ? <Chip size="small" variant="outlined" color="warning" label={t('users.mustChange')} /> : null}
          </Stack>
        ),
      },
      {
        field: 'lastLoginAt',
        headerName: t('users.lastLogin'),
        width: 170,
        valueFormatter: (value: string | null) => (value ? formatDateTime(value) : t('users.neverLoggedIn')),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('users.actions'),
        width: 100,
        getActions: ({ row }) => [
          <GridActionsCellItem
            key="edit"
            icon={<EditIcon fontSize="small" />}
            label={t('common.edit')}
            onClick={() => setDialog({ kind: 'edit', user: row })}
            data-testid={`user-edit-${row.username}`}
          />,
          <GridActionsCellItem
            key="reset"
            icon={<KeyIcon fontSize="small" />}
            label={t('users.resetSubmit')}
            onClick={() => setDialog({ kind: 'reset', user: row })}
            data-testid={`user-reset-${row.username}`}
          />,
        ],
      },
    ],
    [t, pick],
  );

  if (users.error?.code === 'FORBIDDEN') return <ForbiddenPage error={users.error} />;

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {users.data ? t('users.count', { count: users.data.length }) : null}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          {t('users.create')}
        </Button>
      </Stack>
      <ApiErrorAlert error={users.error} />
      <Box sx={{ flex: 1, minHeight: 280 }} data-testid="users-grid">
        <DataGrid
          rows={users.data ?? []}
          columns={columns}
          loading={users.loading && !users.data}
          onRowDoubleClick={({ row }) => setDialog({ kind: 'edit', user: row })}
          hideFooter={(users.data?.length ?? 0) <= 100}
        />
      </Box>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormDialog
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onSaved={(user, created) => {
            setDialog(null);
            setNotice(created ? t('users.createdDone', { username: user.username }) : t('users.updatedDone', { username: user.username }));
            users.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => {
            setDialog(null);
            setNotice(t('users.resetDone', { username: user.username }));
            users.reload();
          }}
        />
      ) : null}
      <SuccessNotice notice={notice} onClose={() => setNotice(null)} />
    </Stack>
  );
}
