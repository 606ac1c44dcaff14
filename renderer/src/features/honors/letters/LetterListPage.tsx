import { Box, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { editors, letterDueFilters, LIST_PAGE_MAX, type LetterCursor } from '../../../../../shared/contract';
import { letterStatuses } from '../../../../../shared/rules/letterState';
import { useClient } from '../../../app/clientContext';
import { hrefOf, navigate, useHash } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { letterFilterFromHash, lettersInput, lettersPath, type LetterDue, type LetterFilter } from '../../../lib/listLinks';
import { useUser } from '../../auth/SessionProvider';
import { PrintListButton } from '../../documents/PrintListButton';
import { useHonorsT } from '../i18n';
import { DeadlineChip, LetterStatusChip } from '../LetterChips';

/**
 * Letters by status and deadline: open ones first, the most urgent on top. Status and deadline
 * live in the address, `#/honors/letters?status=…&due=…` (the dashboard opens it so). The rows
 * come a keyset page at a time ("加载更多"); the count is of every letter of the filter.
 */
export function LetterListPage() {
  const ht = useHonorsT();
  const mayEdit = editors.includes(useUser().role);
  const hash = useHash();
  const filter = useMemo(() => letterFilterFromHash(hash), [hash]);
  const setFilter = (change: Partial<LetterFilter>) => navigate(lettersPath({ ...filter, ...change }));
  const [query, setQuery] = useState('');
  const client = useClient();
  const input = useMemo(() => ({ ...lettersInput(filter), query: query.trim(), limit: LIST_PAGE_MAX }), [filter, query]);
  const fetchPage = useCallback((after: LetterCursor | undefined) => client.call('letters.list', after ? { ...input, after } : input), [client, input]);
  const list = useKeysetPages(JSON.stringify(input), fetchPage);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField size="small" label={ht('letters.search')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ width: 280 }} slotProps={{ htmlInput: { 'data-testid': 'letter-search' } }} />
        <TextField size="small" select label={ht('letters.filterStatus')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: letterStatuses.find((x) => x === e.target.value) ?? null })} sx={{ width: 140 }} slotProps={{ select: { displayEmpty: true }, htmlInput: { 'data-testid': 'letter-filter-status' }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{ht('letters.allStatuses')}</MenuItem>
          {letterStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {ht(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" select label={ht('letters.filterDue')} value={filter.due} onChange={(e) => setFilter({ due: e.target.value as LetterDue })} sx={{ width: 140 }} slotProps={{ htmlInput: { 'data-testid': 'letter-filter-due' } }}>
          {letterDueFilters.map((d) => (
            <MenuItem key={d} value={d}>
              {ht(`letters.due.${d}`)}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" data-testid="letter-count">
          {ht('letters.count', { count: list.count ?? 0 })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {mayEdit ? <PrintListButton list="letters" filter={{ ...lettersInput(filter), query: input.query }} /> : null}
      </Box>
      <ApiErrorAlert error={list.error} />
      {list.rows && list.rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {ht('letters.empty')}
        </Typography>
      ) : (
        <Box sx={{ overflow: 'auto', bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                {(['recipient', 'className', 'family', 'receivedOn', 'dueOn', 'status', 'deadline'] as const).map((c) => (
                  <TableCell key={c}>{ht(`letters.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(list.rows ?? []).map((r) => (
                <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/honors/letters/${r.id}`)} data-testid={`letter-row-${r.id}`}>
                  <TableCell sx={{ fontWeight: 500 }}>
                    <a href={hrefOf(`/honors/letters/${r.id}`)} style={{ color: 'inherit', textDecoration: 'none' }}>
                      {r.recipientName}
                    </a>
                  </TableCell>
                  <TableCell>{r.className}</TableCell>
                  <TableCell>
                    {r.familyName} {r.familyAddress}
                  </TableCell>
                  <TableCell>{r.receivedOn}</TableCell>
                  <TableCell>{r.dueOn}</TableCell>
                  <TableCell>
                    <LetterStatusChip status={r.status} />
                  </TableCell>
                  <TableCell>{r.status === 'cancelled' ? null : <DeadlineChip row={r} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <LoadMore shown={list.rows?.length ?? 0} count={list.count ?? 0} hasMore={list.hasMore} busy={list.loadingMore} onMore={list.more} testId="letter-list" />
    </Box>
  );
}
