/**
 * The roll (名录): one search box that searches as you type, filters, the order, the count and the
 * whole roll in a virtualized list paged by keyset. Keyboard: '/' to the search box, ↑ ↓ PageUp
 * PageDown to choose, Enter to open, Ctrl+N / Alt+N for a new record, Esc clears the search.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, InputAdornment, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import { editors, type MartyrRow } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate, useHash } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrsT } from '../i18n';
import { isMod, isTyping, useShortcuts } from '../keyboard';
import { CountText } from './CountText';
import { RollFiltersBar, SortSelect } from './RollFiltersBar';
import { RollTable } from './RollTable';
import { SubmitDraftsButton } from './SubmitDraftsButton';
import { ExportButton } from './ExportButton';
import { PrintRollSheetsButton } from '../../documents/PrintRecordSheetsButton';
import { PrintListButton } from '../../documents/PrintListButton';
import { PAGE_SIZE } from './keysetPages';
import { filtersFromHash, hasFilters, isRollAddress, noFilters, remember, remembered, searchInput, storedSort, type RollSearch } from './rollSearch';
import { useKeysetList } from './useKeysetList';
import { ROW_HEIGHT } from './VirtualRows';

const SEARCH_DELAY_MS = 200;

export function RollPage() {
  const mt = useMartyrsT();
  const client = useClient();
  const user = useUser();
  const mayEdit = editors.includes(user.role);

  const [initial] = useState(() => {
    const memory = remembered('roll', user.id);
    // `#/martyrs?source=…` and `#/martyrs?status=…&period=…` (the dashboard's bars) open the roll so filtered.
    const fromAddress = filtersFromHash(window.location.hash);
    if (fromAddress !== null) return { search: { query: '', filters: fromAddress, sort: memory?.search.sort ?? storedSort() }, memory: undefined };
    return { search: memory?.search ?? { query: '', filters: noFilters, sort: storedSort() }, memory };
  });
  const [search, setSearch] = useState<RollSearch>(initial.search);
  // The box shows what is typed at once; the search follows 200 ms after the last key.
  const [typed, setTyped] = useState(initial.search.query);

  // The address changes while the roll is open (back / forward, another bar's link, the tab):
  // the roll follows its filters (none: the whole roll), keeping the order.
  const hash = useHash();
  const address = isRollAddress(hash) ? hash : null;
  const [followed, setFollowed] = useState(address);
  if (address !== null && address !== followed) {
    setFollowed(address);
    setSearch((s) => ({ query: '', filters: filtersFromHash(address) ?? noFilters, sort: s.sort }));
    setTyped('');
  }
  useEffect(() => {
    if (typed === search.query) return;
    const timer = window.setTimeout(() => setSearch((s) => ({ ...s, query: typed })), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed, search.query]);

  const input = useMemo(() => searchInput(search), [search]);
  const key = JSON.stringify(input);
  const fetchPage = useCallback((after: string | undefined) => client.call('martyrs.search', { ...input, limit: PAGE_SIZE, after }), [client, input]);
  const seek = useCallback((position: number) => client.call('martyrs.seek', { ...input, position }), [client, input]);
  const list = useKeysetList<MartyrRow>(key, fetchPage, { initial: () => (initial.memory?.key === key ? initial.memory.pages : null), seek, cappedTotal: input.query !== '' });

  const [selected, setSelected] = useState(initial.memory?.key === key ? initial.memory.selectedIndex : 0);
  const offset = useRef(initial.memory?.key === key ? initial.memory.offset : 0);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setSelected(0);
    offset.current = 0;
  }

  // Back from a record: what is in memory is fetched again (a status may have changed).
  const { refresh } = list;
  useEffect(() => {
    if (initial.memory?.key === key) refresh();
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [openFirst, setOpenFirst] = useState(false);
  const firstRow = list.pages.started ? list.pages.row(0) : undefined;
  useEffect(() => {
    if (!openFirst || !list.pages.started || shownKey !== key) return;
    setOpenFirst(false);
    if (firstRow) open(firstRow, 0);
    // open() changes with every render; what matters is the first row of the new search
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openFirst, firstRow, list.pages.started, shownKey, key]);

  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const rowCount = list.pages.rowCount;

  const open = (row: MartyrRow, index: number) => {
    remember('roll', { userId: user.id, search, key, pages: list.pages, offset: offset.current, selectedIndex: index });
    navigate(`/martyrs/${row.id}`);
  };
  const openNew = () => {
    remember('roll', { userId: user.id, search, key, pages: list.pages, offset: offset.current, selectedIndex: selected });
    navigate('/martyrs/new');
  };

  const [reveal, setReveal] = useState(0);
  const move = (delta: number) => {
    if (rowCount === 0) return;
    const next = Math.max(0, Math.min(rowCount - 1, selected + delta));
    setSelected(next);
    setReveal((r) => r + 1);
    list.ensure(next, next + 1);
  };

  const listKeys = (event: KeyboardEvent | React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Enter': {
        if (typed !== search.query) {
          // Typed faster than the search delay: search now, open the first match when it arrives.
          setSearch((s) => ({ ...s, query: typed }));
          setOpenFirst(true);
          break;
        }
        const row = list.pages.row(selected);
        if (!row) return false;
        open(row, selected);
        break;
      }
      default:
        return false;
    }
    event.preventDefault();
    return true;
  };

  useShortcuts((event) => {
    if ((isMod(event) || (event.altKey && !event.ctrlKey && !event.metaKey)) && event.code === 'KeyN' && !event.shiftKey) {
      if (!mayEdit) return;
      event.preventDefault();
      openNew();
      return;
    }
    if (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
      return;
    }
    const target = event.target;
    const inSearch = target === searchRef.current;
    const inList = target === listRef.current || target === document.body;
    if ((inSearch || inList) && !event.altKey && !event.ctrlKey && !event.metaKey) listKeys(event);
    if (inList && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      move(event.key === 'Home' ? -rowCount : rowCount);
    }
  });

  const filtered = hasFilters(search.filters);
  return (
    <Stack spacing={1.25} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <TextField
          inputRef={searchRef}
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && typed !== '') {
              e.preventDefault();
              setTyped('');
            }
          }}
          placeholder={mt('list.searchPlaceholder')}
          aria-label={mt('list.searchLabel')}
          autoComplete="off"
          sx={{ flex: '0 1 560px', minWidth: 280, '& .MuiOutlinedInput-root': { bgcolor: 'background.paper' } }}
          slotProps={{
            htmlInput: { 'data-testid': 'martyr-search', maxLength: 60, spellCheck: false },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" color="action" />
                </InputAdornment>
              ),
              endAdornment: (
                <InputAdornment position="end">
                  <Typography variant="caption" color="text.disabled" sx={{ border: 1, borderColor: 'divider', borderRadius: 0.5, px: 0.6, lineHeight: 1.5 }} title={mt('list.searchHint')}>
                    /
                  </Typography>
                </InputAdornment>
              ),
            },
          }}
        />
        <CountText pages={list.pages} loading={!list.pages.started} testId="martyr-count" />
        <Box sx={{ flex: 1 }} />
        <SortSelect search={search} onChange={setSearch} />
        {mayEdit && (search.filters.status === 'draft' || search.filters.status === 'returned') ? <SubmitDraftsButton input={input} onDone={refresh} /> : null}
        <ExportButton input={input} />
        {mayEdit ? <PrintListButton list="martyrs" filter={input} /> : null}
        {/* No multi-row selection on the roll: prints the filtered list's records, at most RECORD_SHEETS_MAX. */}
        {mayEdit ? <PrintRollSheetsButton input={input} count={list.pages.started ? list.pages.count : null} /> : null}
        {mayEdit ? (
          <Tooltip title={mt('list.newHint')}>
            <Button variant="contained" startIcon={<AddIcon />} onClick={openNew} data-testid="martyr-new" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {mt('list.new')}
            </Button>
          </Tooltip>
        ) : null}
      </Stack>
      <RollFiltersBar search={search} onChange={setSearch} filtered={filtered} />
      <ApiErrorAlert error={list.error} />
      <RollTable
        list={list}
        selectedIndex={selected}
        revealKey={reveal}
        onSelect={setSelected}
        onOpen={open}
        testId="martyr-list"
        label={mt('title')}
        emptyText={search.query.trim() !== '' || filtered ? mt('list.empty') : mt('list.emptyRoll')}
        initialOffset={offset.current}
        onOffset={(top) => {
          offset.current = top;
        }}
        containerRef={listRef}
      />
      <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
        {mt('list.searchHint')}
      </Typography>
    </Stack>
  );
}
