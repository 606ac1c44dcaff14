/**
 * 回收站: deleted records (never destroyed by one click). Search them, open one, or restore it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import RestoreIcon from '@mui/icons-material/RestoreFromTrashOutlined';
import { editors, type ApiError, type MartyrRow } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrsT } from '../i18n';
import { CountText } from '../list/CountText';
import { PAGE_SIZE } from '../list/keysetPages';
import { RollTable } from '../list/RollTable';
import { useKeysetList } from '../list/useKeysetList';
import { useListKeys } from '../list/useListKeys';
import { SuccessNotice } from '../../../components/SuccessNotice';

export function BinPage() {
  const mt = useMartyrsT();
  const client = useClient();
  const user = useUser();
  const mayRestore = editors.includes(user.role);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed.trim()), 200);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const input = useMemo(() => ({ query, deleted: true }), [query]);
  const fetchPage = useCallback((after: string | undefined) => client.call('martyrs.search', { ...input, limit: PAGE_SIZE, after }), [client, input]);
  const seek = useCallback((position: number) => client.call('martyrs.seek', { ...input, position }), [client, input]);
  const list = useKeysetList<MartyrRow>(`bin:${query}`, fetchPage, { seek, cappedTotal: query !== '' });
  const listRef = useRef<HTMLDivElement | null>(null);
  const open = (row: MartyrRow) => navigate(`/martyrs/${row.id}`);
  const { selected, setSelected, reveal } = useListKeys(list, listRef, open);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const restore = async (row: MartyrRow) => {
    const result = await client.call('martyrs.restore', { id: row.id });
    if (!result.ok) return setError(result.error);
    setNotice(mt('record.restored', { name: result.value.name }));
    list.refresh();
  };

  return (
    <Stack spacing={1.25} sx={{ flex: 1, minHeight: 0 }} data-testid="martyr-bin">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={mt('list.searchPlaceholder')}
          aria-label={mt('list.searchLabel')}
          autoComplete="off"
          sx={{ maxWidth: 480 }}
          slotProps={{
            htmlInput: { 'data-testid': 'bin-search', maxLength: 60 },
            input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" color="action" /></InputAdornment> },
          }}
        />
        <CountText pages={list.pages} loading={!list.pages.started} testId="bin-count" />
        <Typography variant="body2" color="text.secondary">
          {mt('bin.lead')}
        </Typography>
      </Stack>
      <ApiErrorAlert error={list.error ?? error} onClose={error ? () => setError(null) : undefined} />
      <RollTable
        list={list}
        selectedIndex={selected}
        revealKey={reveal}
        onSelect={setSelected}
        onOpen={open}
        testId="bin-list"
        label={mt('bin.title')}
        emptyText={mt('bin.empty')}
        containerRef={listRef}
        trailing={(row) =>
          mayRestore ? (
            <Button
              size="small"
              startIcon={<RestoreIcon fontSize="small" />}
              onMouseDown={(e) => e.stopPropagation()}
              onClick={(e) => {
                e.stopPropagation();
                void restore(row);
              }}
              data-testid={`bin-restore-${row.id}`}
              sx={{ py: 0, px: 0.5, minWidth: 0 }}
            >
              {mt('bin.restore')}
            </Button>
          ) : null
        }
      />
      <SuccessNotice notice={notice} onClose={() => setNotice(null)} />
    </Stack>
  );
}
