import { Box, Button, Checkbox, Chip, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { editors, LIST_PAGE_MAX, type AwardCursor } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { hrefOf, navigate, useHash } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { awardFilterFromHash, awardsInput, awardsPath, awardYearOf, type AwardFilter } from '../../../lib/listLinks';
import { useQuery } from '../../../lib/useApi';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useUser } from '../../auth/SessionProvider';
import { useShortcuts } from '../../martyrs/keyboard';
import { useHonorsT } from '../i18n';
import { LetterStatusChip } from '../LetterChips';
import { PrintLettersButton } from '../../documents/PrintLettersButton';
import { PrintListButton } from '../../documents/PrintListButton';

/**
 * The award register: newest first, one search box, class and year; Ctrl+N registers an award.
 * Class and year live in the address, `#/honors?class=<id>&year=<yyyy | none>` (the dashboard's
 * bars open it so; `none`: the awards without a date); back and forward step through them. The
 * rows come a keyset page at a time ("加载更多"); the count is of every award of the filter.
 */
export function AwardListPage() {
  const ht = useHonorsT();
  const user = useUser();
  const mayEdit = editors.includes(user.role);
  const hash = useHash();
  const filter = useMemo(() => awardFilterFromHash(hash), [hash]);
  const setFilter = (change: Partial<AwardFilter>) => navigate(awardsPath({ ...filter, ...change }));
  const [query, setQuery] = useState('');
  // The year box shows what is typed; a whole year (or nothing) goes to the address, and a year
  // coming from the address (back, forward, a link) replaces what the box shows.
  const addressYear = typeof filter.year === 'number' ? filter.year : null;
  const [yearText, setYearText] = useState(addressYear === null ? '' : String(addressYear));
  useEffect(() => setYearText((typed) => (awardYearOf(typed) === addressYear ? typed : addressYear === null ? '' : String(addressYear))), [addressYear]);
  const typeYear = (text: string) => {
    setYearText(text);
    const year = awardYearOf(text);
    if (year !== addressYear) setFilter({ year });
  };
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  const classes = useQuery('awardClasses.list', {});
  const client = useClient();
  const input = useMemo(() => ({ query: query.trim(), ...awardsInput(filter), limit: LIST_PAGE_MAX }), [query, filter]);
  const fetchPage = useCallback((after: AwardCursor | undefined) => client.call('awards.list', after ? { ...input, after } : input), [client, input]);
  const list = useKeysetPages(JSON.stringify(input), fetchPage);
  // Awards ticked for 打印喜报 (only those with a live letter can be ticked).
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => setChosen((was) => {
    const next = new Set(was);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  useShortcuts((e) => {
    if (mayEdit && e.ctrlKey && e.key.toLowerCase() === 'n') {
      e.preventDefault();
      navigate('/honors/awards/new');
    }
  });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField size="small" inputRef={search} label={ht('awards.search')} value={query} onChange={(e) => setQuery(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'award-search' } }} sx={{ width: 280 }} />
        <TextField
          size="small"
          select
          label={ht('form.className')}
          value={filter.classId ?? ''}
          onChange={(e) => setFilter({ classId: e.target.value === '' ? null : Number(e.target.value) })}
          sx={{ width: 160 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'award-filter-class' } }}
        >
          <MenuItem value="">{ht('awards.allClasses')}</MenuItem>
          {(classes.data ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        {filter.year === 'none' ? (
          <Chip label={ht('awards.undated')} onDelete={() => setFilter({ year: null })} data-testid="award-filter-undated" />
        ) : (
          <TextField
            size="small"
            label={ht('awards.year')}
            value={yearText}
            error={yearText.length === 4 && awardYearOf(yearText) === null}
            onChange={(e) => typeYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
            sx={{ width: 100 }}
            slotProps={{ htmlInput: { 'data-testid': 'award-filter-year' } }}
          />
        )}
        <Typography variant="body2" color="text.secondary" data-testid="award-count">
          {ht('awards.count', { count: list.count ?? 0 })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {mayEdit ? <PrintLettersButton awardIds={[...chosen]} showCount /> : null}
        {mayEdit ? <PrintListButton list="awards" filter={{ query: input.query, ...awardsInput(filter) }} /> : null}
        {mayEdit ? (
          <Button variant="outlined" href={hrefOf('/honors/import')} data-testid="awards-import">
            {ht('awards.import')}
          </Button>
        ) : null}
        {mayEdit ? (
          <Button variant="contained" startIcon={<AddIcon />} href={hrefOf('/honors/awards/new')} data-testid="award-new">
            {ht('awards.new')}
          </Button>
        ) : null}
      </Box>
      <ApiErrorAlert error={list.error} />
      {list.rows && list.rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {ht('awards.empty')}
        </Typography>
      ) : (
        <Box sx={{ overflow: 'auto', bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                {mayEdit ? <TableCell padding="checkbox" /> : null}
                {(['recipient', 'className', 'awardDate', 'orderNo', 'authority', 'soldierUnit', 'letter'] as const).map((c) => (
                  <TableCell key={c}>{ht(`awards.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(list.rows ?? []).map((r) => (
                <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/honors/awards/${r.id}`)} data-testid={`award-row-${r.id}`}>
                  {mayEdit ? (
                    <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                      {r.letterStatus && r.letterStatus !== 'cancelled' ? (
                        <Checkbox size="small" checked={chosen.has(r.id)} onChange={() => toggle(r.id)} slotProps={{ input: { 'aria-label': r.recipientName, 'data-testid': `award-choose-${r.id}` } as object }} />
                      ) : null}
                    </TableCell>
                  ) : null}
                  <TableCell sx={{ fontWeight: 500 }} data-testid="award-recipient">
                    <a href={hrefOf(`/honors/awards/${r.id}`)} style={{ color: 'inherit', textDecoration: 'none' }}>
                      {r.recipientName}
                    </a>
                  </TableCell>
                  <TableCell>{r.className}</TableCell>
                  <TableCell>{r.awardDate ?? ''}</TableCell>
                  <TableCell>{r.orderNo}</TableCell>
                  <TableCell>{r.authority}</TableCell>
                  <TableCell>{r.soldierUnit}</TableCell>
                  <TableCell>{r.letterStatus ? <LetterStatusChip status={r.letterStatus} /> : <Typography variant="body2" color="text.disabled">{ht('awards.noLetter')}</Typography>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <LoadMore shown={list.rows?.length ?? 0} count={list.count ?? 0} hasMore={list.hasMore} busy={list.loadingMore} onMore={list.more} testId="award-list" />
    </Box>
  );
}
