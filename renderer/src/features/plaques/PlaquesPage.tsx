import { useEffect, useMemo, useState } from 'react';
import { Box, Button, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import type { Division } from '../../../../shared/contract';
import { ledgerViews } from '../../../../shared/contract/plaques';
import { plaqueCategories, type PlaqueCategory } from '../../../../shared/rules/plaque';
import { hrefOf, navigate, useHash } from '../../app/router';
import { DivisionPicker } from '../../components/DivisionPicker';
import { JobProgress } from '../../components/JobProgress';
import { useQuery } from '../../lib/useApi';
import { ledgerFilterFromHash, ledgerPath, type LedgerFilter } from '../../lib/listLinks';
import { PrintLedgerButton } from '../documents/PrintJobButton';
import { PrintListButton } from '../documents/PrintListButton';
import { BatchDialog } from './BatchDialog';
import { CountsPanel } from './CountsPanel';
import { HouseholdPanel } from './HouseholdPanel';
import { LedgerGrid } from './LedgerGrid';
import { NewHouseholdDialog } from './NewHouseholdDialog';
import { usePlaquesT } from './i18n';

type View = (typeof ledgerViews)[number];
const categoryOf = (value: string): PlaqueCategory | null => plaqueCategories.find((c) => c === value) ?? null;

/** A key typed on the page itself, not into a field or an open dialog. */
function onPage(e: KeyboardEvent): boolean {
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable)) return false;
  return !e.ctrlKey && !e.altKey && !e.metaKey && !document.querySelector('[role=dialog]');
}

/**
 * 光荣牌: the ledger (登记造册) of a township or village with the columns families sign, counts by
 * category, status and division, a household's plaque and its steps; the yearly round in one step.
 * The ledger's filter lives in the address, `#/plaques?division=<12 digits>&view=<ledger view>&category=<category>`
 * (the dashboard's bars open it so; back and forward step through filters).
 * Keyboard: N new household, B the batch for the chosen township or village, arrows + Enter in the ledger.
 */
export function PlaquesPage() {
  const pt = usePlaquesT();
  const hash = useHash();
  const filter = useMemo(() => ledgerFilterFromHash(hash), [hash]);
  const setFilter = (change: Partial<LedgerFilter>) => navigate(ledgerPath({ ...filter, ...change }));
  // The picker shows a division with its name and level: the one picked, else the address's, fetched.
  const [picked, setPicked] = useState<Division | null>(null);
  const code = filter.divisionCode;
  const fetched = useQuery('divisions.get', { code: code ?? '' }, code !== null && picked?.code !== code);
  const division = code === null ? null : picked?.code === code ? picked : fetched.data?.code === code ? fetched.data : null;
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [batching, setBatching] = useState(false);
  const [batchJob, setBatchJob] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const household = useQuery('households.get', { id: selected ?? 1 }, selected !== null);
  const canBatch = division !== null && division.level >= 4;

  const refresh = () => {
    setVersion((v) => v + 1);
    household.reload();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!onPage(e)) return;
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        setCreating(true);
      } else if ((e.key === 'b' || e.key === 'B') && canBatch) {
        e.preventDefault();
        setBatching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canBatch]);

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0, flex: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h5" sx={{ mt: 0.75, whiteSpace: 'nowrap' }}>{pt('title')}</Typography>
        <Box sx={{ flex: 2, minWidth: 280, maxWidth: 480 }}>
          <DivisionPicker
            value={division}
            onChange={(d) => {
              setPicked(d);
              setFilter({ divisionCode: d?.code ?? null });
            }}
            label={pt('division')}
            testId="plaques-division"
            browse
          />
        </Box>
        <TextField
          select
          sx={{ width: 180, flexShrink: 0 }}
          label={pt('categoryFilter')}
          value={filter.category ?? ''}
          onChange={(e) => setFilter({ category: categoryOf(e.target.value) })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'ledger-category' } }}
        >
          <MenuItem value="">{pt('allCategories')}</MenuItem>
          {plaqueCategories.map((c) => <MenuItem key={c} value={c}>{pt(`categories.${c}`)}</MenuItem>)}
        </TextField>
        <TextField sx={{ flex: 1, minWidth: 160, maxWidth: 300 }} label={pt('search')} value={query} onChange={(e) => setQuery(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'plaques-search' } }} />
      </Stack>
      {batchJob !== null && <JobProgress key={batchJob} jobId={batchJob} onFinished={() => refresh()} />}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={filter.view} onChange={(_e, v: View) => setFilter({ view: v })} variant="scrollable" sx={{ flex: 1, minWidth: 0 }}>
          {ledgerViews.map((v) => <Tab key={v} value={v} label={pt(`views.${v}`)} data-testid={`ledger-view-${v}`} sx={{ minWidth: 72 }} />)}
        </Tabs>
        <Button variant="contained" onClick={() => setCreating(true)} data-testid="household-new" sx={{ whiteSpace: 'nowrap' }}>{pt('newHousehold')}</Button>
        <Button variant="outlined" disabled={!canBatch} title={canBatch ? undefined : pt('batchDialog.needDivision')} onClick={() => setBatching(true)} data-testid="batch-open" sx={{ whiteSpace: 'nowrap' }}>{pt('batch')}</Button>
        <PrintLedgerButton divisionCode={code} divisionLevel={division?.level ?? null} view={filter.view} category={filter.category} query={query} />
        <PrintListButton list="plaques" filter={{ ...(code ? { divisionCode: code } : {}), view: filter.view, ...(filter.category ? { category: filter.category } : {}), query: query.trim().slice(0, 40) }} />
        <Button variant="outlined" href={hrefOf('/plaques/import')} data-testid="plaques-import" sx={{ whiteSpace: 'nowrap' }}>{pt('import.open')}</Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'stretch', flex: 1, minHeight: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex' }}>
          <LedgerGrid key={`${ledgerPath(filter)}|${query}`} filter={{ ...filter, query, villageChosen: division?.level === 5 }} version={version} selected={selected} onSelect={setSelected} />
        </Box>
        <Stack spacing={2} sx={{ width: { xs: 340, xl: 460 }, flexShrink: 0, overflow: 'auto' }}>
          {selected !== null && household.data && household.data.id === selected && <HouseholdPanel household={household.data} onChanged={refresh} onClose={() => setSelected(null)} />}
          <CountsPanel divisionCode={code} version={version} />
        </Stack>
      </Stack>
      {creating && <NewHouseholdDialog division={division} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); setSelected(id); refresh(); }} />}
      {batching && division && <BatchDialog division={division} onClose={() => setBatching(false)} onStarted={(jobId) => { setBatching(false); setBatchJob(jobId); }} />}
    </Box>
  );
}
