import { useMemo, useState } from 'react';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, List, ListItem, ListItemButton, ListItemIcon, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { ApiError, Division } from '../../../../shared/contract';
import type { batchActions } from '../../../../shared/contract/plaques';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DateInput } from '../../components/DateInput';
import { useQuery } from '../../lib/useApi';
import { uploadScan } from '../../lib/upload';
import { localToday } from './dates';
import { usePlaquesT } from './i18n';
import { batchChosenCount, batchHouseholdIds } from './batchSelection';

type BatchAction = (typeof batchActions)[number];

/** How many candidate households the dialog lists for choosing (a village has far fewer). */
const LISTED = 500;

/**
 * The yearly round for one village (or township): the action, its date, for hanging the place and
 * the village's signed ledger (a scan, attached to every plaque hung), and which households —
 * all that can take the step, or those ticked. Ctrl+Enter starts; the page shows the progress.
 */
export function BatchDialog({ division, onClose, onStarted }: { division: Division; onClose: () => void; onStarted: (jobId: number) => void }) {
  const pt = usePlaquesT();
  const client = useClient();
  const [action, setAction] = useState<BatchAction>('hang');
  const [date, setDate] = useState<string | undefined>(localToday());
  const [place, setPlace] = useState('大门上方');
  const [file, setFile] = useState<File | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = useQuery('plaques.ledger', { divisionCode: division.code, view: action === 'issue' ? 'made' : 'issued', limit: LISTED });
  const rows = useMemo(() => candidates.data?.rows ?? [], [candidates.data]);
  const total = candidates.data?.count ?? 0;
  const listed = rows.map((r) => r.householdId);
  const chosen = batchChosenCount(listed, total, excluded);

  const toggle = (id: number) => setExcluded((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const start = async () => {
    if (!date || busy || chosen === 0 || (action === 'hang' && !place.trim())) return;
    setBusy(true);
    setError(null);
    let signatureAttachmentId: number | null = null;
    if (action === 'hang' && file) {
      const stored = await uploadScan(client, file, () => {});
      if (!stored.ok) {
        setBusy(false);
        return setError(stored.error);
      }
      signatureAttachmentId = stored.value.id;
    }
    const householdIds = batchHouseholdIds(listed, excluded);
    const started = await client.call('plaques.batch', { divisionCode: division.code, action, date, place, signatureAttachmentId, ...(householdIds ? { householdIds } : {}) });
    setBusy(false);
    if (started.ok) onStarted(started.value.jobId);
    else setError(started.error);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void start(); }} data-testid="batch-dialog">
      <DialogTitle>{pt('batchDialog.title', { division: division.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">{pt('batchDialog.lead')}</Typography>
          <Stack direction="row" spacing={2}>
            <TextField select sx={{ flex: 1 }} label={pt('batchDialog.action')} value={action} onChange={(e) => { setAction(e.target.value as BatchAction); setExcluded(new Set()); }} slotProps={{ htmlInput: { 'data-testid': 'batch-action' } }}>
              <MenuItem value="issue">{pt('batchDialog.issue')}</MenuItem>
              <MenuItem value="hang">{pt('batchDialog.hang')}</MenuItem>
            </TextField>
            <Box sx={{ flex: 1 }}><DateInput label={pt('form.date')} value={date} onChange={setDate} testId="batch-date" /></Box>
          </Stack>
          {action === 'hang' && (
            <>
              <TextField required label={pt('form.place')} value={place} onChange={(e) => setPlace(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'batch-place' } }} />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Button component="label" variant="outlined">
                  {pt('batchDialog.ledgerScan')}
                  <input hidden type="file" accept="image/*,application/pdf" data-testid="batch-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
                </Button>
                <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="batch-file-name">{file?.name ?? pt('batchDialog.noScan')}</Typography>
              </Stack>
            </>
          )}
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="subtitle2" data-testid="batch-chosen">{pt('batchDialog.chosen', { chosen, total })}</Typography>
            <FormControlLabel
              control={<Checkbox checked={excluded.size === 0} indeterminate={excluded.size > 0 && excluded.size < rows.length} onChange={() => setExcluded(excluded.size === 0 ? new Set(rows.map((r) => r.householdId)) : new Set())} />}
              label={pt('batchDialog.all')}
            />
          </Stack>
          {total === 0 && !candidates.loading ? (
            <Alert severity="info">{pt('batchDialog.none')}</Alert>
          ) : (
            <List dense sx={{ maxHeight: 240, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="batch-households">
              {rows.map((r) => (
                <ListItem key={r.householdId} disablePadding>
                  <ListItemButton onClick={() => toggle(r.householdId)} dense>
                    <ListItemIcon sx={{ minWidth: 36 }}><Checkbox edge="start" size="small" checked={!excluded.has(r.householdId)} tabIndex={-1} /></ListItemIcon>
                    <ListItemText primary={`${r.headName} · ${r.plaqueNumber ?? ''}`} secondary={`${r.divisionName} ${r.addressText}`} />
                  </ListItemButton>
                </ListItem>
              ))}
              {total > rows.length && <ListItem><ListItemText secondary={pt('batchDialog.more', { count: total - rows.length })} /></ListItem>}
            </List>
          )}
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{pt('form.cancel')}</Button>
        <Button variant="contained" disabled={busy || !date || chosen === 0} onClick={() => void start()} data-testid="batch-start">{pt('batchDialog.start')}</Button>
      </DialogActions>
    </Dialog>
  );
}
