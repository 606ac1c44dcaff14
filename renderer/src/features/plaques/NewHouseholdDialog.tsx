import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import type { ApiError, Division } from '../../../../shared/contract';
import { plaqueCategories, type PlaqueCategory } from '../../../../shared/rules/plaque';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DivisionPicker } from '../../components/DivisionPicker';
import { usePlaquesT } from './i18n';

/** A household in one form: its head (a person), address down to the village, and the qualifying category. */
export function NewHouseholdDialog({ division, onClose, onCreated }: { division: Division | null; onClose: () => void; onCreated: (id: number) => void }) {
  const pt = usePlaquesT();
  const client = useClient();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [place, setPlace] = useState<Division | null>(division && division.level >= 4 ? division : null);
  const [address, setAddress] = useState('');
  const [registrationNo, setRegistrationNo] = useState('');
  const [category, setCategory] = useState<PlaqueCategory>('veteran');
  const [certificateNo, setCertificateNo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    if (!place || !name.trim()) return;
    setError(null);
    const person = await client.call('people.create', { name, idNumber, addressText: address, addressCode: place.code });
    if (!person.ok) return setError(person.error);
    const h = await client.call('households.create', { headPersonId: person.value.id, divisionCode: place.code, addressText: address, registrationNo });
    if (!h.ok) return setError(h.error);
    const q = await client.call('households.addQualification', { householdId: h.value.id, personId: person.value.id, category, basis: 'certificate', certificateNo });
    if (!q.ok) return setError(q.error);
    onCreated(h.value.id);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void save(); }}>
      <DialogTitle>{pt('newHousehold')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField autoFocus required label={pt('form.headName')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-head-name' } }} />
          <TextField label={pt('form.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-id-number' } }} />
          <DivisionPicker value={place} onChange={setPlace} label={pt('division')} helperText={pt('form.divisionHint')} testId="household-division" required />
          <TextField label={pt('form.address')} value={address} onChange={(e) => setAddress(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-address' } }} />
          <TextField label={pt('form.registrationNo')} value={registrationNo} onChange={(e) => setRegistrationNo(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-registration' } }} />
          <TextField select label={pt('form.category')} value={category} onChange={(e) => setCategory(e.target.value as PlaqueCategory)} slotProps={{ htmlInput: { 'data-testid': 'household-category' } }}>
            {plaqueCategories.map((c) => <MenuItem key={c} value={c}>{pt(`categories.${c}`)}</MenuItem>)}
          </TextField>
          <TextField label={pt('form.certificateNo')} value={certificateNo} onChange={(e) => setCertificateNo(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-certificate' } }} />
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{pt('form.cancel')}</Button>
        <Button variant="contained" disabled={!place || !name.trim()} onClick={() => void save()} data-testid="household-save">{pt('form.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
