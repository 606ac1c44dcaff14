import { Alert, Box, Button, Paper, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { reviewers, type ApiError, type Letter } from '../../../../../shared/contract';
import { editors } from '../../../../../shared/contract';
import type { LetterAction } from '../../../../../shared/rules/letterState';
import { hrefOf } from '../../../app/router';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useUser } from '../../auth/SessionProvider';
import { useHonorsT } from '../i18n';
import { AttachmentList, FilePicker } from '../FilePicker';
import { DeadlineChip, LetterStatusChip } from '../LetterChips';
import { PrintLettersButton } from '../../documents/PrintLettersButton';
import { LetterActionDialog, type DialogAction } from './LetterActionDialog';

const steps = ['received', 'registered', 'verified', 'delivered', 'feedback'] as const;

/** One letter: where it is in its life, its deadline, the family, the delivery with photos, who did what. */
export function LetterPage({ id }: { id: number }) {
  const ht = useHonorsT();
  const client = useClient();
  const user = useUser();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const load = useCallback(() => void client.call('letters.get', { id }).then((r) => (r.ok ? setLetter(r.value) : setError(r.error))), [client, id]);
  useEffect(load, [load]);
  if (!letter) return <ApiErrorAlert error={error} />;

  const mayDo = (a: LetterAction) => (a === 'verify' || a === 'return' ? reviewers.includes(user.role) : editors.includes(user.role));
  const run = async (a: LetterAction) => {
    if (a === 'register' || a === 'verify') {
      const r = await client.call(a === 'register' ? 'letters.register' : 'letters.verify', { id });
      if (r.ok) setLetter(r.value);
      else setError(r.error);
      return;
    }
    setDialog(a);
  };
  const active = letter.status === 'cancelled' ? -1 : steps.indexOf(letter.status as (typeof steps)[number]);
  const row = (label: string, value: string | null | undefined, testId?: string) =>
    value ? (
      <Box sx={{ display: 'flex', gap: 2, fontSize: 14, py: 0.25 }}>
        <Box sx={{ width: 120, color: 'text.secondary', flexShrink: 0 }}>{label}</Box>
        <Box data-testid={testId}>{value}</Box>
      </Box>
    ) : null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1000 }} data-testid="letter-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {ht('letter.title', { id: letter.id })} · {letter.recipientName} · {letter.className}
        </Typography>
        <LetterStatusChip status={letter.status} testId="letter-status" />
        {letter.status === 'cancelled' ? null : <DeadlineChip row={letter} testId="letter-deadline" />}
      </Box>
      <Stepper activeStep={letter.status === 'feedback' ? steps.length : active} alternativeLabel>
        {steps.map((s) => (
          <Step key={s} completed={active >= steps.indexOf(s) && letter.status !== 'cancelled'}>
            <StepLabel>{ht(`status.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {letter.returnReason && letter.status === 'received' ? <Alert severity="warning">{ht('letter.returnReason', { reason: letter.returnReason })}</Alert> : null}
      {letter.cancelReason ? <Alert severity="info">{ht('letter.cancelReason', { reason: letter.cancelReason })}</Alert> : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        {letter.actions.filter(mayDo).map((a) => (
          <Button key={a} variant={a === 'cancel' || a === 'return' ? 'outlined' : 'contained'} color={a === 'cancel' ? 'inherit' : 'primary'} onClick={() => void run(a)} data-testid={`letter-action-${a}`}>
            {ht(`letter.actions.${a}`)}
          </Button>
        ))}
        {editors.includes(user.role) && letter.status !== 'cancelled' ? <PrintLettersButton awardIds={[letter.award.id]} /> : null}
      </Box>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ p: 2, flex: '1 1 420px' }}>
          {row(ht('letter.deadline'), ht('letter.deadlineText', { received: letter.receivedOn, days: letter.deadlineDays, due: letter.dueOn }), 'letter-due')}
          {row(ht('letter.deliverers'), letter.deliverers)}
          {row(ht('letter.family'), [letter.familyName, letter.familyRelation && `（${letter.familyRelation}）`, ' ', letter.familyAddress, letter.familyPhone && ` ${letter.familyPhone}`].join(''))}
          {row(ht('letter.familyDivision'), letter.familyDivisionName, 'letter-familyDivision')}
          <Box sx={{ display: 'flex', gap: 2, fontSize: 14, py: 0.25 }}>
            <Box sx={{ width: 120, color: 'text.secondary', flexShrink: 0 }}>{ht('letter.award')}</Box>
            <a href={hrefOf(`/honors/awards/${letter.award.id}`)}>
              {letter.award.recipientName} · {letter.award.className} · {letter.award.orderNo} {letter.award.awardDate ?? ''}
            </a>
          </Box>
          {row(ht('letter.deliveredOn'), letter.deliveredOn, 'letter-deliveredOn')}
          {row(ht('letter.deliveredBy'), letter.deliveredBy)}
          {row(ht('letter.deliveredWith'), letter.deliveredWith)}
          {row(ht('letter.note'), letter.deliveryNote)}
          {row(ht('letter.feedbackOn'), letter.feedbackOn)}
          {row(ht('letter.feedback'), letter.feedback)}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, flex: '0 1 340px', display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="subtitle2">{ht('letter.photos')}</Typography>
          <AttachmentList items={letter.photos} testId="letter-photos" />
          {editors.includes(user.role) && letter.status !== 'cancelled' ? (
            <FilePicker label={ht('letter.addPhoto')} testId="letter-add-photo" accept="image/jpeg,image/png,image/tiff" onStored={async (stored) => {
              const r = await client.call('letters.attachPhotos', { id, attachmentIds: stored.map((a) => a.id) });
              if (r.ok) setLetter(r.value);
              else setError(r.error);
            }} />
          ) : null}
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {ht('letter.history')}
          </Typography>
          <Box component="ol" sx={{ m: 0, pl: 2.5, fontSize: 13 }} data-testid="letter-events">
            {letter.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} {e.displayName || e.username} {(['receive', 'register', 'verify', 'return', 'deliver', 'feedback', 'cancel'] as const).find((k) => k === e.action) ? ht(`letter.events.${e.action as 'receive'}`) : e.action}
                {e.reason ? `：${e.reason}` : ''}
              </li>
            ))}
          </Box>
        </Paper>
      </Box>
      {dialog ? <LetterActionDialog letter={letter} action={dialog} onClose={() => setDialog(null)} onDone={(l) => { setLetter(l); setDialog(null); }} /> : null}
    </Box>
  );
}
