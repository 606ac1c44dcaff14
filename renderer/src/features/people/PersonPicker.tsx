import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import type { PersonRow } from '../../../../shared/contract/people';
import { useQuery } from '../../lib/useApi';

/** Finds a person by any part of the name or an ID number (`people.search`). */
export function PersonPicker({ label, value, onChange, exclude = [], testId }: { label: string; value: PersonRow | null; onChange: (p: PersonRow | null) => void; exclude?: number[]; testId?: string }) {
  const [typed, setTyped] = useState('');
  const found = useQuery('people.search', { query: typed.trim(), limit: 20 }, typed.trim() !== '');
  const options = (found.data?.rows ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <Autocomplete
      value={value}
      onChange={(_e, p) => onChange(p)}
      inputValue={typed}
      onInputChange={(_e, v) => setTyped(v)}
      options={options}
      filterOptions={(o) => o}
      getOptionLabel={(p) => `${p.name}${p.idNumber ? ` ${p.idNumber}` : ''}${p.addressDivision ? ` · ${p.addressDivision}` : ''}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderInput={(params) => <TextField {...params} label={label} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }} />}
    />
  );
}
