import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import type { Division } from '../../../../shared/contract';
import { genders } from '../../../../shared/contract/people';
import { DateInput } from '../../components/DateInput';
import { DivisionPicker } from '../../components/DivisionPicker';
import { useLang } from '../../i18n';
import { usePlaquesT } from '../plaques/i18n';
import { usePeopleT } from './i18n';
import type { IdFeedback, PersonForm } from './personForm';

/** The person's fields; the ID number says as it is typed whether it is valid, and why not. */
export function PersonFields({ form, onChange, id, division, onDivision }: { form: PersonForm; onChange: (f: PersonForm) => void; id: IdFeedback; division: Division | null; onDivision: (d: Division | null) => void }) {
  const t = usePeopleT();
  const pt = usePlaquesT();
  const { pick } = useLang();
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => onChange({ ...form, [key]: value });
  const idHelp = id.state === 'invalid' ? pick(id.reason) : id.state === 'valid' ? t('idOk', { birth: id.birthDate, sex: t(`sex.${id.sex}`) }) : id.state === 'masked' ? t('idMasked') : ' ';
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <Stack direction="row" spacing={2}>
        <TextField autoFocus required label={pt('people.name')} value={form.name} onChange={(e) => set('name', e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'person-name' } }} />
        <TextField select label={pt('people.cols.gender')} value={form.gender} onChange={(e) => set('gender', e.target.value as PersonForm['gender'])} sx={{ width: 110 }}>
          {genders.map((g) => <MenuItem key={g} value={g}>{pt(`people.gender.${g}`)}</MenuItem>)}
        </TextField>
        <TextField label={t('ethnicity')} value={form.ethnicity} onChange={(e) => set('ethnicity', e.target.value)} sx={{ width: 110 }} />
      </Stack>
      <TextField
        label={pt('form.idNumber')}
        value={form.idNumber}
        onChange={(e) => set('idNumber', e.target.value)}
        error={id.state === 'invalid'}
        helperText={idHelp}
        slotProps={{ htmlInput: { 'data-testid': 'person-id-number', 'aria-describedby': 'person-id-help' }, formHelperText: { id: 'person-id-help', 'data-testid': 'person-id-help' } as object }}
      />
      <Stack direction="row" spacing={2}>
        <DateInput label={pt('people.birthDate')} value={form.birthDate || undefined} onChange={(v) => set('birthDate', v ?? '')} sx={{ flex: 1 }} />
        <TextField label={t('phone')} value={form.phone} onChange={(e) => set('phone', e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'person-phone' } }} />
      </Stack>
      <DivisionPicker value={division} onChange={onDivision} label={t('addressCode')} testId="person-division" />
      <TextField label={t('addressText')} value={form.addressText} onChange={(e) => set('addressText', e.target.value)} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <FormControlLabel control={<Checkbox checked={form.deceased} onChange={(e) => set('deceased', e.target.checked)} slotProps={{ input: { 'data-testid': 'person-deceased' } as object }} />} label={t('deceased')} />
        {form.deceased && <DateInput label={t('deathDate')} value={form.deathDate || undefined} onChange={(v) => set('deathDate', v ?? '')} testId="person-death-date" sx={{ flex: 1 }} />}
      </Stack>
      <TextField label={t('remarks')} value={form.remarks} onChange={(e) => set('remarks', e.target.value)} multiline minRows={2} />
    </Stack>
  );
}
