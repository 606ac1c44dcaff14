import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import type { Household } from '../../../../shared/contract/plaques';
import { useClient } from '../../app/clientContext';
import { useLang } from '../../i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { ApiError } from '../../../../shared/contract';
import { ActionDialog, type DialogStep } from './ActionDialog';
import { PlaqueSteps, RoleNote } from './PlaqueSteps';
import { mayCall, rolesFor } from './stepOffers';
import { useUser } from '../auth/SessionProvider';
import { usePlaquesT } from './i18n';
import { PlaqueHistory, useReasonWords } from './PlaqueHistory';
import { HouseholdEditDialog, type HouseholdEdit } from './HouseholdEditing';
import { usePeopleT } from '../people/i18n';
import { PrintSlipButton } from '../documents/PrintJobButton';

/** A household: who qualifies it, its plaque with the steps it may take, and the plaque's history. */
export function HouseholdPanel({ household, onChanged, onClose }: { household: Household; onChanged: () => void; onClose: () => void }) {
  const pt = usePlaquesT();
  const words = useReasonWords();
  const { pick } = useLang();
  const client = useClient();
  const t = usePeopleT();
  const { role } = useUser();
  const mayEdit = mayCall('households.update', role);
  const [step, setStep] = useState<DialogStep | null>(null);
  const [edit, setEdit] = useState<HouseholdEdit | null>(null);
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

  const removeMember = async (personId: number) => {
    const r = await client.call('households.removeMember', { householdId: household.id, personId });
    if (r.ok) onChanged();
    else setError(r.error);
  };

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
        {household.members.map((m) => (
          <Chip key={m.personId} size="small" label={`${m.name}（${pt(`relations.${m.relationToHead}`)}）${m.idNumber ? ' ' + m.idNumber : ''}`} onDelete={m.relationToHead === 'head' || !mayEdit ? undefined : () => void removeMember(m.personId)} title={m.relationToHead === 'head' ? undefined : t('household.removeMember')} data-testid={`household-member-${m.personId}`} />
        ))}
      </Stack>
      {mayEdit && (
        <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
          <Button size="small" onClick={() => setEdit('details')} data-testid="household-edit">{t('household.edit')}</Button>
          <Button size="small" onClick={() => setEdit('member')} data-testid="household-add-member">{t('household.addMember')}</Button>
          <Button size="small" onClick={() => setEdit('qualification')} data-testid="household-add-qualification">{t('household.addQualification')}</Button>
        </Stack>
      )}
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
          {current.status === 'hung' && current.signatureAttachmentId === null && (
            <Alert
              severity="warning"
              sx={{ mt: 1 }}
              data-testid="plaque-unsigned"
              action={mayCall('plaques.fileSignature', role) ? <Button color="inherit" size="small" onClick={() => setStep('sign')} data-testid="plaque-sign">{pt('actions.sign')}</Button> : undefined}
            >
              {pt('unsigned')}
            </Alert>
          )}
          {current.lastReason && (current.status === 'taken_back' || current.status === 'cancelled') && <Typography variant="body2" color="text.secondary">{words(current.lastReason)}</Typography>}
          <PlaqueSteps plaque={current} onStep={setStep} />
          {household.plaque && mayCall('documents.printIssuanceSlip', role) && <Box sx={{ mt: 1 }}><PrintSlipButton householdId={household.id} issued={household.plaque.status !== 'made'} /></Box>}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">{pt('household.noPlaque')}</Typography>
      )}
      {!household.plaque && e.eligible && (mayCall('plaques.make', role)
        ? <Button sx={{ mt: 1 }} variant="contained" onClick={() => void make()} data-testid="plaque-make">{pt('actions.make')}</Button>
        : <RoleNote actions={[pt('actions.make')]} roles={rolesFor('plaques.make')} testId="plaque-why-role-make" />)}
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle2">{pt('household.history')}</Typography>
      <PlaqueHistory events={household.events} />
      {edit && <HouseholdEditDialog household={household} edit={edit} onClose={() => setEdit(null)} onDone={() => { setEdit(null); onChanged(); }} />}
      {step && current && <ActionDialog plaque={current} step={step} onClose={() => { setStep(null); onChanged(); }} onDone={() => { setStep(null); onChanged(); }} />}
    </Paper>
  );
}
