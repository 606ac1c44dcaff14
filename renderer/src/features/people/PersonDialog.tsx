import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider } from '@mui/material';
import type { ApiError, Division } from '../../../../shared/contract';
import type { Person } from '../../../../shared/contract/people';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { usePlaquesT } from '../plaques/i18n';
import { usePeopleT } from './i18n';
import { PersonFields } from './PersonFields';
import { canSave, emptyPersonForm, formOf, idFeedback, personPatch, type PersonForm } from './personForm';
import { RelationsEditor } from './RelationsEditor';

/** Registers a person (id null) or edits one, with the relations of an existing one. Ctrl+Enter saves, Esc closes. */
export function PersonDialog({ id, onClose, onSaved }: { id: number | null; onClose: () => void; onSaved: () => void }) {
  const t = usePeopleT();
  const pt = usePlaquesT();
  const client = useClient();
  const [person, setPerson] = useState<Person | null>(null);
  const [form, setForm] = useState<PersonForm>(emptyPersonForm);
  const [division, setDivision] = useState<Division | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const idState = idFeedback(form.idNumber, person);

  const show = (p: Person) => {
    setPerson(p);
    setForm(formOf(p));
  };

  useEffect(() => {
    if (id === null) return;
    void client.call('people.get', { id }).then((r) => {
      if (!r.ok) return setError(r.error);
      show(r.value);
      if (r.value.addressCode) void client.call('divisions.get', { code: r.value.addressCode }).then((d) => d.ok && setDivision(d.value));
    });
  }, [client, id]);

  const save = async () => {
    if (!canSave(form, idState)) return;
    const fields = personPatch({ ...form, addressCode: division?.code ?? null }, person);
    const r = person ? await client.call('people.update', { id: person.id, fields }) : await client.call('people.create', { ...emptyPersonForm, ...fields });
    if (!r.ok) return setError(r.error);
    setError(null);
    onSaved();
    if (person) show(r.value);
    else onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void save(); }} data-testid="person-dialog">
      <DialogTitle>{id === null ? pt('people.add').replace(/（N）|\(N\)/, '') : `${t('edit')} · ${person?.name ?? ''}`}</DialogTitle>
      <DialogContent>
        {(id === null || person) && <PersonFields form={form} onChange={setForm} id={idState} division={division} onDivision={setDivision} />}
        <ApiErrorAlert error={error} onClose={() => setError(null)} />
        {person && (
          <>
            <Divider sx={{ my: 2 }} />
            <RelationsEditor person={person} onChanged={(p) => { setPerson(p); onSaved(); }} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="person-close">{pt('form.cancel')}</Button>
        <Button variant="contained" disabled={!canSave(form, idState)} onClick={() => void save()} data-testid="person-save">{pt('form.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
