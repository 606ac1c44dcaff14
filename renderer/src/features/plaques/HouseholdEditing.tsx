import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import type { ApiError, Division } from '../../../../shared/contract';
import { householdRelations, qualificationBases, type Household } from '../../../../shared/contract/plaques';
import type { PersonRow } from '../../../../shared/contract/people';
import { plaqueCategories, type PlaqueCategory } from '../../../../shared/rules/plaque';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DateInput } from '../../components/DateInput';
import { DivisionPicker } from '../../components/DivisionPicker';
import { usePeopleT } from '../people/i18n';
import { PersonPicker } from '../people/PersonPicker';
import { usePlaquesT } from './i18n';

export type HouseholdEdit = 'details' | 'member' | 'qualification';

/** The household's edits: its details (address, village), a new member, a qualification (certificate or application). */
export function HouseholdEditDialog({ household, edit, onClose, onDone }: { household: Household; edit: HouseholdEdit; onClose: () => void; onDone: () => void }) {
  const t = usePeopleT();
  const pt = usePlaquesT();
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [registrationNo, setRegistrationNo] = useState(household.registrationNo);
  const [addressText, setAddressText] = useState(household.masked ? '' : household.addressText);
  const [phone, setPhone] = useState(household.masked ? '' : household.phone);
  const [division, setDivision] = useState<Division | null>(null);
  const [member, setMember] = useState<PersonRow | null>(null);
  const [relation, setRelation] = useState<(typeof householdRelations)[number]>('spouse');
  const [personId, setPersonId] = useState<number>(household.headPersonId);
  const [category, setCategory] = useState<PlaqueCategory>('veteran');
  const [basis, setBasis] = useState<(typeof qualificationBases)[number]>('application');
  const [certificateNo, setCertificateNo] = useState('');
  const [applicationDate, setApplicationDate] = useState('');
  const [applicationNote, setApplicationNote] = useState('');

  useEffect(() => {
    void client.call('divisions.get', { code: household.divisionCode }).then((r) => r.ok && setDivision(r.value));
  }, [client, household.divisionCode]);

  const save = async () => {
    const r =
      edit === 'details'
        ? await client.call('households.update', { id: household.id, fields: { registrationNo, ...(division ? { divisionCode: division.code } : {}), ...(household.masked && !addressText ? {} : { addressText }), ...(household.masked && !phone ? {} : { phone }) } })
        : edit === 'member'
          ? member
            ? await client.call('households.addMember', { householdId: household.id, personId: member.id, relationToHead: relation })
            : null
          : await client.call('households.addQualification', { householdId: household.id, personId, category, basis, certificateNo, applicationDate, applicationNote });
    if (r === null) return;
    if (!r.ok) return setError(r.error);
    onDone();
  };

  const title = edit === 'details' ? t('household.edit') : edit === 'member' ? t('household.addMember') : t('household.addQualification');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void save(); }} data-testid="household-edit-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {edit === 'details' && (
            <>
              <TextField label={pt('form.registrationNo')} value={registrationNo} onChange={(e) => setRegistrationNo(e.target.value)} />
              <DivisionPicker value={division} onChange={setDivision} label={pt('division')} helperText={pt('form.divisionHint')} testId="household-edit-division" />
              <TextField label={pt('form.address')} value={addressText} placeholder={household.masked ? household.addressText : undefined} onChange={(e) => setAddressText(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'household-edit-address' } }} />
              <TextField label={pt('form.phone')} value={phone} placeholder={household.masked ? household.phone : undefined} onChange={(e) => setPhone(e.target.value)} />
            </>
          )}
          {edit === 'member' && (
            <>
              <PersonPicker label={t('household.member')} value={member} onChange={setMember} exclude={household.members.map((m) => m.personId)} testId="household-member-person" />
              <TextField select label={t('household.relationToHead')} value={relation} onChange={(e) => setRelation(e.target.value as typeof relation)}>
                {householdRelations.filter((r) => r !== 'head').map((r) => <MenuItem key={r} value={r}>{pt(`relations.${r}`)}</MenuItem>)}
              </TextField>
            </>
          )}
          {edit === 'qualification' && (
            <>
              <TextField select label={t('household.qualifyingPerson')} value={personId} onChange={(e) => setPersonId(Number(e.target.value))}>
                {household.members.map((m) => <MenuItem key={m.personId} value={m.personId}>{m.name}（{pt(`relations.${m.relationToHead}`)}）</MenuItem>)}
              </TextField>
              <TextField select label={pt('form.category')} value={category} onChange={(e) => setCategory(e.target.value as PlaqueCategory)}>
                {plaqueCategories.map((c) => <MenuItem key={c} value={c}>{pt(`categories.${c}`)}</MenuItem>)}
              </TextField>
              <TextField select label={pt('form.basis')} value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
                {qualificationBases.map((b) => <MenuItem key={b} value={b}>{pt(`basis.${b}`)}</MenuItem>)}
              </TextField>
              {basis === 'certificate' ? (
                <TextField label={pt('form.certificateNo')} value={certificateNo} onChange={(e) => setCertificateNo(e.target.value)} />
              ) : (
                <>
                  <DateInput label={pt('form.applicationDate')} value={applicationDate || undefined} onChange={(v) => setApplicationDate(v ?? '')} />
                  <TextField label={t('household.applicationNo')} value={applicationNote} onChange={(e) => setApplicationNote(e.target.value)} />
                </>
              )}
            </>
          )}
          <ApiErrorAlert error={error} onClose={() => setError(null)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{pt('form.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={(edit === 'member' && !member) || (edit === 'qualification' && basis === 'application' && !applicationDate)} data-testid="household-edit-save">{pt('form.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
