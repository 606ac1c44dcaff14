import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Plaque } from '../../../../shared/contract/plaques';
import { replaceReasons, takeBackReasons } from '../../../../shared/contract/plaques';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DateInput } from '../../components/DateInput';
import { uploadScan } from '../../lib/upload';
import type { ApiError } from '../../../../shared/contract';
import { usePlaquesT } from './i18n';
import { localToday } from './dates';

export type PlaqueStep = 'issue' | 'hang' | 'reissue' | 'replace' | 'takeBack' | 'cancel' | 'restore';
/** A lifecycle step, or filing the family's signed confirmation of a plaque hung without it (no change of status). */
export type DialogStep = PlaqueStep | 'sign';


/** One lifecycle step of a plaque: the fields it needs, then the call. Ctrl+Enter saves. */
export function ActionDialog({ plaque, step, onClose, onDone }: { plaque: Plaque; step: DialogStep; onClose: () => void; onDone: () => void }) {
  const pt = usePlaquesT();
  const client = useClient();
  const [date, setDate] = useState<string | undefined>(localToday());
  const [place, setPlace] = useState('大门上方');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<string>(step === 'replace' ? 'moved' : 'criminal_sentence');
  const [documentNo, setDocumentNo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!date || (step === 'sign' && !file)) return;
    setBusy(true);
    setError(null);
    let attachmentId: number | null = null;
    if (file) {
      const stored = await uploadScan(client, file, () => {});
      if (!stored.ok) {
        setBusy(false);
        setError(stored.error);
        return;
      }
      attachmentId = stored.value.id;
    }
    const ref = { id: plaque.id, expectedVersion: plaque.version, date };
    const result =
      step === 'issue' ? await client.call('plaques.issue', ref)
      : step === 'sign' ? await client.call('plaques.fileSignature', { ...ref, signatureAttachmentId: attachmentId! })
      : step === 'hang' ? await client.call('plaques.hang', { ...ref, place, signatureAttachmentId: attachmentId })
      : step === 'reissue' ? await client.call('plaques.reissue', { ...ref, note })
      : step === 'replace' ? await client.call('plaques.replace', { ...ref, reason: reason as (typeof replaceReasons)[number], note })
      : step === 'takeBack' ? await client.call('plaques.takeBack', { ...ref, reason: reason as (typeof takeBackReasons)[number], note, documentNo, documentAttachmentId: attachmentId })
      : step === 'cancel' ? await client.call('plaques.cancel', { ...ref, note })
      : await client.call('plaques.restore', { ...ref, approval: documentNo, note });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void save(); }}>
      <DialogTitle>{pt(`actions.${step}`)} · {plaque.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DateInput label={pt('form.date')} value={date} onChange={setDate} testId="plaque-step-date" />
          {step === 'hang' && <TextField label={pt('form.place')} value={place} onChange={(e) => setPlace(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'plaque-step-place' } }} />}
          {(step === 'replace' || step === 'takeBack') && (
            <TextField select label={pt('form.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'plaque-step-reason' } }}>
              {(step === 'replace' ? replaceReasons : takeBackReasons).map((r) => (
                <MenuItem key={r} value={r}>{step === 'replace' ? pt(`replaceReasons.${r as (typeof replaceReasons)[number]}`) : pt(`takeBackReasons.${r as (typeof takeBackReasons)[number]}`)}</MenuItem>
              ))}
            </TextField>
          )}
          {(step === 'takeBack' || step === 'restore') && (
            <TextField required label={step === 'restore' ? pt('form.approval') : pt('form.documentNo')} value={documentNo} onChange={(e) => setDocumentNo(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'plaque-step-document' } }} />
          )}
          {step !== 'issue' && step !== 'hang' && step !== 'sign' && <TextField label={pt('form.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'plaque-step-note' } }} />}
          {(step === 'hang' || step === 'takeBack' || step === 'sign') && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button component="label" variant="outlined">
                {step === 'takeBack' ? pt('form.documentNo') : pt('form.signature')}
                <input hidden type="file" accept="image/*,application/pdf" data-testid="plaque-step-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              </Button>
              <Typography variant="body2" color="text.secondary" data-testid="plaque-step-file-name">{file?.name ?? ''}</Typography>
            </Stack>
          )}
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{pt('form.cancel')}</Button>
        <Button variant="contained" disabled={busy || !date || (step === 'sign' && !file)} onClick={() => void save()} data-testid="plaque-step-save">{pt('form.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
