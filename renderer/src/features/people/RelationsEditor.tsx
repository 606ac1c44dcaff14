import { useState } from 'react';
import { Box, Button, IconButton, List, ListItem, ListItemText, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { ApiError } from '../../../../shared/contract';
import { relations } from '../../../../shared/contract/martyrs';
import type { Person, PersonRow } from '../../../../shared/contract/people';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PersonPicker } from './PersonPicker';
import { usePeopleT } from './i18n';

type Relation = (typeof relations)[number];

/** A person's relations (parent, spouse, child, sibling, guardian), each way, added and removed. */
export function RelationsEditor({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const t = usePeopleT();
  const client = useClient();
  const [other, setOther] = useState<PersonRow | null>(null);
  const [relation, setRelation] = useState<Relation>('parent');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const add = async () => {
    if (!other) return;
    const r = await client.call('people.relate', { personId: person.id, relatedPersonId: other.id, relation, note });
    if (!r.ok) return setError(r.error);
    setOther(null);
    setNote('');
    setError(null);
    onChanged(r.value);
  };

  const remove = async (rel: Person['relations'][number]) => {
    // A relation recorded from the other side ('from') is the other person's.
    const input = rel.direction === 'to' ? { personId: person.id, relatedPersonId: rel.personId, relation: rel.relation } : { personId: rel.personId, relatedPersonId: person.id, relation: rel.relation };
    const r = await client.call('people.unrelate', input);
    if (!r.ok) return setError(r.error);
    const again = await client.call('people.get', { id: person.id });
    if (again.ok) onChanged(again.value);
  };

  return (
    <Box data-testid="person-relations">
      <Typography variant="subtitle2">{t('relations.title')}</Typography>
      {person.relations.length === 0 && <Typography variant="body2" color="text.secondary">{t('relations.none')}</Typography>}
      <List dense disablePadding>
        {person.relations.map((rel) => (
          <ListItem
            key={`${rel.direction}-${rel.personId}-${rel.relation}`}
            disableGutters
            secondaryAction={
              <Tooltip title={t('relations.remove')}>
                <IconButton edge="end" aria-label={`${t('relations.remove')} ${rel.name}`} onClick={() => void remove(rel)} data-testid={`relation-remove-${rel.personId}`}><DeleteIcon /></IconButton>
              </Tooltip>
            }
          >
            <ListItemText primary={t(`relations.${rel.direction}`, { name: rel.name, relation: t(`relations.kinds.${rel.relation}`) })} secondary={rel.note || null} />
          </ListItem>
        ))}
      </List>
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 2, minWidth: 180 }}><PersonPicker label={t('relations.person')} value={other} onChange={setOther} exclude={[person.id]} testId="relation-person" /></Box>
        <TextField select label={t('relations.relation')} value={relation} onChange={(e) => setRelation(e.target.value as Relation)} sx={{ width: 150 }} slotProps={{ htmlInput: { 'data-testid': 'relation-kind' } }}>
          {relations.map((r) => <MenuItem key={r} value={r}>{t(`relations.kinds.${r}`)}</MenuItem>)}
        </TextField>
        <TextField label={t('relations.note')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ width: 120 }} />
        <Button variant="outlined" disabled={!other} onClick={() => void add()} sx={{ mt: 1, whiteSpace: 'nowrap' }} data-testid="relation-add">{t('relations.add')}</Button>
      </Stack>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
    </Box>
  );
}
