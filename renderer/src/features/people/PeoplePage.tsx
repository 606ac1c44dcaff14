import { useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { ApiError, Division } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DivisionPicker } from '../../components/DivisionPicker';
import { useQuery } from '../../lib/useApi';
import { usePlaquesT } from '../plaques/i18n';

type Gender = 'male' | 'female' | 'unknown';

/** 人员: one table of people (martyrs, qualifying persons, family members); ID numbers masked by role. */
export function PeoplePage() {
  const pt = usePlaquesT();
  const client = useClient();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [gender, setGender] = useState<Gender>('unknown');
  const [idNumber, setIdNumber] = useState('');
  const [place, setPlace] = useState<Division | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const people = useQuery('people.search', { query, limit: 200 });

  const save = async () => {
    const r = await client.call('people.create', { name, gender, idNumber, addressCode: place?.code ?? null });
    if (!r.ok) return setError(r.error);
    setAdding(false);
    setName('');
    setIdNumber('');
    people.reload();
  };

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5">{pt('people.title')}</Typography>
        <TextField size="small" autoFocus label={pt('people.search')} value={query} onChange={(e) => setQuery(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'people-search' } }} />
        <Button variant="contained" onClick={() => setAdding(true)} data-testid="people-add">{pt('people.add')}</Button>
      </Stack>
      <Paper variant="outlined">
        <Table size="small" data-testid="people-table">
          <TableHead>
            <TableRow>{(['name', 'gender', 'idNumber', 'birth', 'place', 'note'] as const).map((c) => <TableCell key={c}>{pt(`people.cols.${c}`)}</TableCell>)}</TableRow>
          </TableHead>
          <TableBody>
            {(people.data?.rows ?? []).map((p) => (
              <TableRow key={p.id} hover tabIndex={0}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{pt(`people.gender.${p.gender}`)}</TableCell>
                <TableCell>{p.idNumber}</TableCell>
                <TableCell>{p.birthDate}</TableCell>
                <TableCell>{p.addressDivision ?? ''}</TableCell>
                <TableCell>
                  {p.martyrId !== null && <Chip size="small" label={pt('people.martyr')} />} {p.deceased && p.martyrId === null && <Chip size="small" label={pt('people.deceased')} />}{' '}
                  {p.householdId !== null && <Chip size="small" label={pt('people.household')} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {people.data?.rows.length === 0 && <Typography sx={{ p: 2 }} color="text.secondary">{pt('people.empty')}</Typography>}
      </Paper>
      {adding && (
        <Dialog open onClose={() => setAdding(false)} fullWidth maxWidth="sm" onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void save(); }}>
          <DialogTitle>{pt('people.add')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField autoFocus required label={pt('people.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'person-name' } }} />
              <TextField select label={pt('people.cols.gender')} value={gender} onChange={(e) => setGender(e.target.value as Gender)}>
                {(['male', 'female', 'unknown'] as const).map((g) => <MenuItem key={g} value={g}>{pt(`people.gender.${g}`)}</MenuItem>)}
              </TextField>
              <TextField label={pt('form.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'person-id-number' } }} />
              <DivisionPicker value={place} onChange={setPlace} label={pt('division')} testId="person-division" />
              <ApiErrorAlert error={error} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAdding(false)}>{pt('form.cancel')}</Button>
            <Button variant="contained" disabled={!name.trim()} onClick={() => void save()} data-testid="person-save">{pt('form.save')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}
