import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { editors, type Award, type Division } from '../../../../../shared/contract';
import { navigate } from '../../../app/router';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DateInput } from '../../../components/DateInput';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { useAction } from '../../../lib/useApi';
import { useUser } from '../../auth/SessionProvider';
import { focusNextField } from '../../martyrs/keyboard';
import { useHonorsT } from '../i18n';
import { emptyAwardForm, fieldsOf, formOf, type AwardFormState } from './awardForm';
import { AwardSide } from './AwardSide';

/** The notice of a new award, shown once by the page the address then opens. */
let savedNotice: string | null = null;

/** Register an award (id null) or correct one: Enter moves on field by field, Ctrl+S saves. */
export function AwardPage({ id }: { id: number | null }) {
  const ht = useHonorsT();
  const client = useClient();
  const user = useUser();
  const mayEdit = editors.includes(user.role);
  const [award, setAward] = useState<Award | null>(null);
  const [form, setForm] = useState<AwardFormState>(emptyAwardForm);
  /** A unit's place (its division); persons have none. */
  const [division, setDivision] = useState<Division | null>(null);
  const [classes, setClasses] = useState<{ id: number; name: string; active: boolean }[]>([]);
  const [notice, setNotice] = useState(() => {
    const shown = savedNotice ?? '';
    savedNotice = null;
    return shown;
  });
  const create = useAction('awards.create');
  const update = useAction('awards.update');
  const box = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    void client.call('awardClasses.list', {}).then((r) => {
      if (!r.ok) return;
      setClasses(r.value);
      setForm((f) => (f.classId === '' && r.value[0] ? { ...f, classId: String(r.value.find((c) => c.active)?.id ?? r.value[0].id) } : f));
    });
    if (id === null) {
      first.current?.focus();
      return;
    }
    void client.call('awards.get', { id }).then((r) => {
      if (!r.ok) return;
      setAward(r.value);
      setForm(formOf(r.value));
    });
  }, [client, id]);

  const divisionCode = award?.recipient.divisionCode ?? null;
  useEffect(() => {
    if (divisionCode === null) return;
    void client.call('divisions.get', { code: divisionCode }).then((r) => r.ok && setDivision(r.value));
  }, [client, divisionCode]);

  const set = <K extends keyof AwardFormState>(key: K, value: AwardFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = async () => {
    const fields = fieldsOf(form, division?.code ?? null);
    const saved = award ? await update.run({ id: award.id, expectedVersion: award.version, fields }) : await create.run(fields);
    if (!saved) return;
    setAward(saved);
    setForm(formOf(saved));
    setNotice(ht('form.saved', { name: saved.recipient.name }));
    if (!award) {
      savedNotice = ht('form.saved', { name: saved.recipient.name });
      navigate(`/honors/awards/${saved.id}`);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.ctrlKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
      return;
    }
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && !e.ctrlKey && !(target instanceof HTMLTextAreaElement) && box.current) {
      e.preventDefault();
      focusNextField(box.current, target, e.shiftKey);
    }
  };
  const text = (key: 'name' | 'idNumber' | 'unitType' | 'authority' | 'orderNo' | 'soldierUnit' | 'remarks' | 'citation', label: string, extra: { multiline?: boolean; helper?: string; width?: number | string } = {}) => (
    <TextField
      size="small"
      label={label}
      value={form[key]}
      onChange={(e) => set(key, e.target.value)}
      disabled={!mayEdit}
      multiline={extra.multiline}
      minRows={extra.multiline ? 3 : undefined}
      helperText={extra.helper}
      sx={{ width: extra.width ?? 260 }}
      slotProps={{ htmlInput: { 'data-testid': `award-${key}` }, inputLabel: { shrink: true } }}
    />
  );
  const error = create.error ?? update.error;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Paper variant="outlined" sx={{ p: 2.5, flex: '1 1 560px', maxWidth: 820 }}>
        <Typography variant="h6" component="h1" sx={{ mb: 0.5 }}>
          {award ? ht('form.titleEdit', { id: award.id }) : ht('form.titleNew')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {ht('form.hint')}
        </Typography>
        <Box component="form" ref={box} data-testid="award-form" onKeyDown={onKeyDown} onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <TextField size="small" select label={ht('form.recipientKind')} value={form.kind} onChange={(e) => set('kind', e.target.value as AwardFormState['kind'])} disabled={!mayEdit} sx={{ width: 160 }} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'award-kind', ref: first }, inputLabel: { shrink: true } }}>
            <option value="person">{ht('form.person')}</option>
            <option value="unit">{ht('form.unit')}</option>
          </TextField>
          <TextField size="small" select label={ht('form.className')} value={form.classId} onChange={(e) => set('classId', e.target.value)} disabled={!mayEdit} sx={{ width: 160 }} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'award-class' }, inputLabel: { shrink: true } }}>
            {classes.filter((c) => c.active || String(c.id) === form.classId).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </TextField>
          <Box sx={{ flexBasis: '100%', height: 0 }} />
          {text('name', form.kind === 'person' ? ht('form.name') : ht('form.unitName'), { width: form.kind === 'person' ? 160 : 340 })}
          {form.kind === 'person' ? (
            <>
              <TextField size="small" select label={ht('form.gender')} value={form.gender} onChange={(e) => set('gender', e.target.value as AwardFormState['gender'])} disabled={!mayEdit} sx={{ width: 90 }} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'award-gender' }, inputLabel: { shrink: true } }}>
                {(['male', 'female', 'unknown'] as const).map((g) => (
                  <option key={g} value={g}>
                    {ht(`gender.${g}`)}
                  </option>
                ))}
              </TextField>
              {text('idNumber', ht('form.idNumber'), { helper: ht('form.idNumberHelp'), width: 300 })}
              {text('soldierUnit', ht('form.soldierUnit'), { width: 340 })}
              <DateInput label={ht('form.enlistedOn')} value={form.enlistedOn} onChange={(v) => set('enlistedOn', v)} testId="award-enlistedOn" sx={{ width: 200 }} />
            </>
          ) : (
            <>
              {text('unitType', ht('form.unitType'), { width: 300 })}
              <Box sx={{ width: 420 }}>
                <DivisionPicker value={division} onChange={setDivision} label={ht('form.unitDivision')} helperText={ht('form.unitDivisionHelp')} disabled={!mayEdit} testId="award-division" />
              </Box>
            </>
          )}
          <Box sx={{ flexBasis: '100%', height: 0 }} />
          {text('authority', ht('form.authority'))}
          {text('orderNo', ht('form.orderNo'))}
          <DateInput label={ht('form.awardDate')} value={form.awardDate} onChange={(v) => set('awardDate', v)} testId="award-awardDate" sx={{ width: 200 }} />
          {text('citation', ht('form.citation'), { multiline: true, width: '100%' })}
          {text('remarks', ht('form.remarks'), { width: '100%' })}
        </Box>
        <ApiErrorAlert error={error} sx={{ mt: 2 }} />
        {notice && !error ? (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="award-notice">
            {notice}
          </Alert>
        ) : null}
        {mayEdit ? (
          <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
            <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={create.busy || update.busy} data-testid="award-save">
              {ht('form.save')}
            </Button>
          </Box>
        ) : null}
      </Paper>
      {award ? <AwardSide award={award} onChange={setAward} mayEdit={mayEdit} /> : null}
    </Box>
  );
}
