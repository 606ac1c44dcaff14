import { useEffect, useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography } from '@mui/material';
import type { Division } from '../../../../shared/contract';
import { ledgerViews } from '../../../../shared/contract/plaques';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useAction, useQuery } from '../../lib/useApi';
import { HouseholdPanel } from './HouseholdPanel';
import { NewHouseholdDialog } from './NewHouseholdDialog';
import { usePlaquesT } from './i18n';

type View = (typeof ledgerViews)[number];

/**
 * 光荣牌: the ledger (登记造册) of a township or village with the columns families sign, counts by
 * category, status and division, a household's plaque and its steps; the yearly round in one step.
 * Keyboard: N new household, B batch for the village, arrows + Enter in the ledger.
 */
export function PlaquesPage() {
  const pt = usePlaquesT();
  const [division, setDivision] = useState<Division | null>(null);
  const [view, setView] = useState<View>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [batchJob, setBatchJob] = useState<number | null>(null);
  const ledger = useQuery('plaques.ledger', { ...(division ? { divisionCode: division.code } : {}), view, query, limit: 200 });
  const counts = useQuery('plaques.counts', division ? { divisionCode: division.code } : {});
  const household = useQuery('households.get', { id: selected ?? 1 }, selected !== null);
  const batch = useAction('plaques.batch');

  const refresh = () => {
    ledger.reload();
    counts.reload();
    household.reload();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || document.querySelector('[role=dialog]')) return;
      if (e.key === 'n' || e.key === 'N') { e.preventDefault(); setCreating(true); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const startBatch = async (action: 'issue' | 'hang') => {
    if (!division) return;
    const started = await batch.run({ divisionCode: division.code, action, date: new Date().toISOString().slice(0, 10) });
    if (started) setBatchJob(started.jobId);
  };

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5">{pt('title')}</Typography>
        <Box sx={{ width: 320 }}><DivisionPicker value={division} onChange={setDivision} label={pt('division')} testId="plaques-division" browse /></Box>
        <TextField size="small" label={pt('search')} value={query} onChange={(e) => setQuery(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'plaques-search' } }} />
        <Button variant="contained" onClick={() => setCreating(true)} data-testid="household-new">{pt('newHousehold')}</Button>
        {division && division.level >= 4 && (
          <>
            <Button variant="outlined" onClick={() => void startBatch('issue')} data-testid="batch-issue">{pt('batchDialog.issue')}</Button>
            <Button variant="outlined" onClick={() => void startBatch('hang')} data-testid="batch-hang">{pt('batchDialog.hang')}</Button>
          </>
        )}
      </Stack>
      <ApiErrorAlert error={batch.error} onClose={batch.clearError} />
      {batchJob !== null && <JobProgress jobId={batchJob} onFinished={() => refresh()} />}
      <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ mb: 1 }}>
        {ledgerViews.map((v) => <Tab key={v} value={v} label={pt(`views.${v}`)} data-testid={`ledger-view-${v}`} />)}
      </Tabs>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ flex: 3, overflow: 'auto' }}>
          <Typography variant="body2" sx={{ p: 1 }} data-testid="ledger-count">{pt('count', { count: ledger.data?.count ?? 0 })}</Typography>
          <Table size="small" data-testid="ledger">
            <TableHead>
              <TableRow>
                {(['head', 'address', 'number', 'category', 'status', 'hungDate', 'signed'] as const).map((c) => <TableCell key={c}>{pt(`cols.${c}`)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {(ledger.data?.rows ?? []).map((r) => (
                <TableRow key={r.householdId} hover selected={r.householdId === selected} tabIndex={0} sx={{ cursor: 'pointer' }} onClick={() => setSelected(r.householdId)} onKeyDown={(e) => { if (e.key === 'Enter') setSelected(r.householdId); }} data-testid="ledger-row">
                  <TableCell>{r.headName}</TableCell>
                  <TableCell>{r.divisionName} {r.addressText}</TableCell>
                  <TableCell>{r.plaqueNumber ?? '—'}</TableCell>
                  <TableCell>{r.category ? pt(`categories.${r.category}`) : '—'}</TableCell>
                  <TableCell>{r.status ? pt(`statuses.${r.status}`) : '—'}</TableCell>
                  <TableCell>{r.hungDate ?? ''}</TableCell>
                  <TableCell>{r.signed ? pt('signedYes') : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {ledger.data?.rows.length === 0 && <Typography sx={{ p: 2 }} color="text.secondary">{pt('empty')}</Typography>}
        </Paper>
        <Stack spacing={2} sx={{ flex: 2, minWidth: 360 }}>
          {selected !== null && household.data && household.data.id === selected && <HouseholdPanel household={household.data} onChanged={refresh} />}
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="plaque-counts">
            <Typography variant="subtitle1">{pt('counts.title')}</Typography>
            <Typography variant="subtitle2">{pt('counts.byCategory')}</Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>{counts.data?.byCategory.map((c) => <Chip key={c.category} size="small" label={`${pt(`categories.${c.category}`)} ${c.count}`} />)}</Stack>
            <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byStatus')}</Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>{counts.data?.byStatus.filter((s) => s.count > 0).map((s) => <Chip key={s.status} size="small" label={`${pt(`statuses.${s.status}`)} ${s.count}`} data-testid={`count-${s.status}`} />)}</Stack>
            <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byDivision')}</Typography>
            {counts.data?.byDivision.map((d) => <Typography key={d.divisionCode} variant="body2">{d.divisionName}: {pt('counts.households')} {d.households} · {pt('counts.hung')} {d.hung} · {pt('counts.inUse')} {d.inUse} · {pt('counts.cancelled')} {d.cancelled}</Typography>)}
          </Paper>
        </Stack>
      </Stack>
      {creating && <NewHouseholdDialog division={division} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); setSelected(id); refresh(); }} />}
    </Box>
  );
}
