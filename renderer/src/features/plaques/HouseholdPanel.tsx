import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import type { Household } from '../../../../shared/contract/plaques';
import { plaqueActionSources, plaqueTransition } from '../../../../shared/rules/plaque';
import { useClient } from '../../app/clientContext';
import { useLang } from '../../i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { ApiError } from '../../../../shared/contract';
import { ActionDialog, type PlaqueStep } from './ActionDialog';
import { usePlaquesT } from './i18n';
import { PlaqueHistory, useReasonWords } from './PlaqueHistory';

const steps: PlaqueStep[] = ['issue', 'hang', 'reissue', 'replace', 'takeBack', 'cancel', 'restore'];

/** A household: who qualifies it, its plaque with the steps it may take, and the plaque's history. */
export function HouseholdPanel({ household, onChanged, onClose }: { household: Household; onChanged: () => void; onClose: () => void }) {
  const pt = usePlaquesT();
  const words = useReasonWords();
  const { pick } = useLang();
  const client = useClient();
  const [step, setStep] = useState<PlaqueStep | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const current = household.plaque ?? household.plaques.find((p) => p.status === 'cancelled') ?? null;
  const e = household.eligibility;

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape' && !document.querySelector('[role=dialog]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const make = async () => {
    const r = await client.call('plaques.make', { householdId: household.id });
    if (r.ok) onChanged();
    else setError(r.error);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="household-panel">
      <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h6" sx={{ flex: 1 }}>{household.headName} · {household.divisionName}</Typography>
        <Button size="small" color="inherit" onClick={onClose} data-testid="household-close">{pt('household.close')}</Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">{pt('household.registrationNo')}: {household.registrationNo || '—'} · {household.addressText}</Typography>
      {household.masked && <Typography variant="caption" color="text.secondary">{pt('household.masked')}</Typography>}
      <Box sx={{ my: 1 }}>
        {e.eligible ? (
          <Alert severity="success" data-testid="household-eligibility">{pt('household.qualifies', { name: e.personName, category: pt(`categories.${e.category}`) })}</Alert>
        ) : (
          <Alert severity="warning" data-testid="household-eligibility">{pt('household.notEligible', { reason: pick(e.reason) })}</Alert>
        )}
      </Box>
      <Typography variant="subtitle2">{pt('household.members')}</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mb: 1 }}>
        {household.members.map((m) => <Chip key={m.personId} size="small" label={`${m.name}（${pt(`relations.${m.relationToHead}`)}）${m.idNumber ? ' ' + m.idNumber : ''}`} />)}
      </Stack>
      <Typography variant="subtitle2">{pt('household.qualifications')}</Typography>
      {household.qualifications.map((q) => (
        <Typography key={q.id} variant="body2">{q.personName} · {pt(`categories.${q.category}`)} · {pt(`basis.${q.basis}`)} {q.certificateNo || q.applicationDate}</Typography>
      ))}
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle2">{pt('household.plaque')}</Typography>
      {current ? (
        <Box data-testid="household-plaque">
          <Typography>
            <b data-testid="plaque-number">{current.number}</b> · <span data-testid="plaque-status">{pt(`statuses.${current.status}`)}</span> · {pt(`categories.${current.category}`)}
            {current.hungDate ? ` · ${current.hungDate} ${current.hungPlace}` : ''}{current.signatureAttachmentId ? ` · ${pt('signedYes')}` : ''}
          </Typography>
          {current.lastReason && (current.status === 'taken_back' || current.status === 'cancelled') && <Typography variant="body2" color="text.secondary">{words(current.lastReason)}</Typography>}
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
            {steps
              .filter((s) => plaqueActionSources(s).includes(current.status) && plaqueTransition(current.status, s, { qualifyingPersonDeceased: current.qualifyingPersonDeceased }).ok)
              .map((s) => <Button key={s} size="small" variant="outlined" onClick={() => setStep(s)} data-testid={`plaque-${s}`}>{pt(`actions.${s}`)}</Button>)}
          </Stack>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">{pt('household.noPlaque')}</Typography>
      )}
      {!household.plaque && e.eligible && <Button sx={{ mt: 1 }} variant="contained" onClick={() => void make()} data-testid="plaque-make">{pt('actions.make')}</Button>}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle2">{pt('household.history')}</Typography>
      <PlaqueHistory events={household.events} />
      {step && current && <ActionDialog plaque={current} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); onChanged(); }} />}
    </Paper>
  );
}
