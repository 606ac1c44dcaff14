import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { Award, Division } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DateInput } from '../../../components/DateInput';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { useAction, useQuery } from '../../../lib/useApi';
import { useHonorsT } from '../i18n';
import { localDay } from './localDay';

/** The letter received for an award, to one family: its date of receipt starts the deadline. */
export function NewLetterDialog({ award, onClose, onCreated }: { award: Award; onClose: () => void; onCreated: (letterId: number) => void }) {
  const ht = useHonorsT();
  const classes = useQuery('awardClasses.list', {});
  const cls = classes.data?.find((c) => c.id === award.classId);
  const create = useAction('letters.create');
  const [receivedOn, setReceivedOn] = useState<string | undefined>(localDay());
  const [f, setF] = useState({ familyName: '', familyRelation: '', familyAddress: '', familyPhone: '', deliverers: '' });
  /** Where the family lives (township or village), beside the address as written. */
  const [division, setDivision] = useState<Division | null>(null);
  const field = (key: keyof typeof f, label: string, helper?: string) => (
    <TextField size="small" fullWidth label={label} value={f[key]} helperText={helper} onChange={(e) => setF({ ...f, [key]: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `letter-${key}` }, inputLabel: { shrink: true } }} />
  );
  const submit = async () => {
    if (!receivedOn) return;
    const letter = await create.run({ awardId: award.id, receivedOn, ...f, familyDivisionCode: division?.code ?? null });
    if (letter) onCreated(letter.id);
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{ht('newLetter.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <DateInput label={ht('newLetter.receivedOn')} value={receivedOn} onChange={setReceivedOn} testId="letter-receivedOn" />
        {field('familyName', ht('newLetter.familyName'))}
        {field('familyRelation', ht('newLetter.familyRelation'))}
        <DivisionPicker value={division} onChange={setDivision} label={ht('newLetter.familyDivision')} helperText={ht('newLetter.familyDivisionHelp')} testId="letter-familyDivision" />
        {field('familyAddress', ht('newLetter.familyAddress'))}
        {field('familyPhone', ht('newLetter.familyPhone'))}
        {field('deliverers', ht('newLetter.deliverers'), cls ? `${cls.name}：${cls.deliverers}` : undefined)}
        <ApiErrorAlert error={create.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{ht('newLetter.cancel')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={create.busy || !receivedOn || f.familyAddress.trim() === ''} data-testid="letter-create">
          {ht('newLetter.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
