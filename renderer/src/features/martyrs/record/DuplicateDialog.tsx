/**
 * Before a new record is saved: the records that may be the same person, side by side with what is
 * being keyed in, the reasons as chips and the matching cells tinted. Keyboard: ← → choose the
 * record, O opens it (the input is kept), S saves anyway, M merges (a new record: saves it first, then
 * opens the side-by-side merge), Esc goes back to the form. On an existing record's page the same
 * dialog lists the possible duplicates to merge with (no "save anyway").
 */
import { useEffect, useRef, useState } from 'react';
import { alpha, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import type { MartyrRow } from '../../../../../shared/contract';
import type { z } from 'zod';
import type { duplicateCandidateSchema } from '../../../../../shared/contract/martyrs';
import { useMartyrsT, type MartyrsKey } from '../i18n';
import { StatusChip } from '../StatusChip';

export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
type Reason = DuplicateCandidate['reasons'][number];

export interface EnteredValues {
  name: string;
  birth: string;
  death: string;
  nativePlace: string;
  unitAndPost: string;
  certificateNo: string;
}

const rowsShown: { key: keyof EnteredValues; label: MartyrsKey; reasons: Reason[] }[] = [
  { key: 'name', label: 'fields.name', reasons: ['sameName', 'samePinyin', 'similarName'] },
  { key: 'birth', label: 'fields.birthDate', reasons: ['closeBirth'] },
  { key: 'death', label: 'fields.deathDate', reasons: ['closeDeath'] },
  { key: 'nativePlace', label: 'fields.nativePlaceText', reasons: ['samePlace'] },
  { key: 'unitAndPost', label: 'fields.unitAndPost', reasons: [] },
  { key: 'certificateNo', label: 'fields.certificateNo', reasons: ['sameCertificate'] },
];

function valueOf(row: MartyrRow, key: keyof EnteredValues): string {
  return key === 'unitAndPost' ? row.unitAndPost : row[key];
}

interface Props {
  entered: EnteredValues;
  candidates: DuplicateCandidate[];
  busy: boolean;
  /** Absent on an existing record (nothing to save). */
  onSaveAnyway?: () => void;
  onOpen: (id: number) => void;
  onClose: () => void;
  /** Merge with the chosen record (a new record is saved first). */
  onMerge?: (id: number) => void;
  mergeLabel?: string;
  /** The first column's heading (default 正在录入). */
  enteredLabel?: string;
}

export function DuplicateDialog({ entered, candidates, busy, onSaveAnyway, onOpen, onClose, onMerge, mergeLabel, enteredLabel }: Props) {
  const mt = useMartyrsT();
  const [chosen, setChosen] = useState(0);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const shown = candidates.slice(0, 6);
  const current = shown[chosen];

  useEffect(() => {
    contentRef.current?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (busy || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return;
    const key = event.key.toLowerCase();
    if (key === 'arrowright' || key === 'arrowdown') setChosen((c) => Math.min(shown.length - 1, c + 1));
    else if (key === 'arrowleft' || key === 'arrowup') setChosen((c) => Math.max(0, c - 1));
    else if (key === 's' && onSaveAnyway) onSaveAnyway();
    else if (key === 'm' && onMerge && current) onMerge(current.row.id);
    else if (key === 'o' && current) onOpen(current.row.id);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth={shown.length > 2 ? 'lg' : 'md'} fullWidth aria-labelledby="dup-title" data-testid="duplicate-dialog" onKeyDown={onKeyDown}>
      <DialogTitle id="dup-title">{mt('duplicates.title')}</DialogTitle>
      <DialogContent ref={contentRef} tabIndex={-1} sx={{ outline: 'none' }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {mt('duplicates.lead')}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Box
            component="table"
            sx={{
              borderCollapse: 'collapse',
              width: '100%',
              fontSize: '0.875rem',
              '& th, & td': { border: 1, borderColor: 'divider', px: 1.25, py: 0.75, textAlign: 'left', verticalAlign: 'top', minWidth: 150 },
              '& th[scope=row]': { bgcolor: '#f8f9fa', fontWeight: 600, whiteSpace: 'nowrap', minWidth: 110, color: 'text.secondary' },
            }}
          >
            <thead>
              <tr>
                <Box component="th" />
                <Box component="th" sx={{ bgcolor: (theme) => alpha(theme.palette.primary.main, 0.06) }}>
                  {enteredLabel ?? mt('duplicates.entered')}
                </Box>
                {shown.map((c, i) => (
                  <Box
                    component="th"
                    key={c.row.id}
                    onClick={() => setChosen(i)}
                    data-testid={`duplicate-candidate-${c.row.id}`}
                    aria-selected={i === chosen}
                    sx={{ cursor: 'pointer', boxShadow: (theme) => (i === chosen ? `inset 0 3px 0 ${theme.palette.primary.main}` : 'none') }}
                  >
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                      <span>{mt('duplicates.existing', { n: i + 1 })}</span>
                      <StatusChip status={c.row.status} />
                    </Stack>
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                      {c.reasons.map((r) => (
                        <Chip key={r} size="small" color="warning" variant="outlined" label={mt(`duplicates.reasons.${r}`)} sx={{ height: 20, fontSize: '0.75rem' }} />
                      ))}
                    </Stack>
                  </Box>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowsShown.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{mt(r.label)}</th>
                  <Box component="td" sx={{ bgcolor: (theme) => alpha(theme.palette.primary.main, 0.03), fontWeight: r.key === 'name' ? 600 : 400 }}>
                    {entered[r.key]}
                  </Box>
                  {shown.map((c) => {
                    const hit = r.reasons.some((reason) => c.reasons.includes(reason));
                    return (
                      <Box component="td" key={c.row.id} sx={{ bgcolor: (theme) => (hit ? alpha(theme.palette.warning.main, 0.12) : 'transparent'), fontWeight: r.key === 'name' ? 600 : 400 }}>
                        {valueOf(c.row, r.key)}
                      </Box>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Box>
        </Box>
        {shown.length > 1 ? (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {mt('duplicates.keysHint')}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {mt('form.leaveStay')} (Esc)
        </Button>
        <Button variant="outlined" onClick={() => current && onOpen(current.row.id)} disabled={busy || !current} data-testid="duplicate-open">
          {mt('duplicates.open')} (O)
        </Button>
        {onMerge ? (
          <Button variant={onSaveAnyway ? 'outlined' : 'contained'} color="warning" onClick={() => current && onMerge(current.row.id)} disabled={busy || !current} data-testid="duplicate-merge">
            {mergeLabel ?? mt('merge.mergeWith')} (M)
          </Button>
        ) : null}
        {onSaveAnyway ? (
          <Button variant="contained" onClick={onSaveAnyway} disabled={busy} data-testid="duplicate-save-anyway">
            {mt('duplicates.saveAnyway')} (S)
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
