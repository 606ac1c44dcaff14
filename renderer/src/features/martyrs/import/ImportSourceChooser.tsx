/**
 * The source of an imported batch: one of the registered sources, or a new one registered here by
 * typing its title (kind 名册 / 登记簿). Optional.
 */
import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import type { Source } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAction, useQuery } from '../../../lib/useApi';
import { useMartyrsT } from '../i18n';

type Option = Source | { id: -1; title: string };

export function ImportSourceChooser({ value, onChange }: { value: Source | null; onChange: (source: Source | null) => void }) {
  const mt = useMartyrsT();
  const sources = useQuery('sources.list', {});
  const create = useAction('sources.create');
  const [input, setInput] = useState('');
  const options: Option[] = sources.data ?? [];

  return (
    <>
      <Autocomplete<Option, false, false, false>
        sx={{ width: 420 }}
        size="small"
        value={value}
        options={options}
        inputValue={input}
        onInputChange={(_e, next) => setInput(next)}
        loading={sources.loading}
        disabled={create.busy}
        getOptionLabel={(o) => (o.id === -1 ? mt('source.createInline', { title: o.title }) : o.title)}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        filterOptions={(list, state) => {
          const q = state.inputValue.trim();
          const found = q === '' || (value && q === value.title) ? list : list.filter((o) => o.title.includes(q));
          return q === '' || list.some((o) => o.title === q) ? found : [...found, { id: -1, title: q }];
        }}
        onChange={(_e, next) => {
          if (next && next.id === -1) {
            void create.run({ kind: 'register', title: next.title }).then((made) => {
              if (made) {
                sources.reload();
                onChange(made);
              }
            });
          } else onChange((next as Source | null) ?? null);
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={mt('import.source')}
            placeholder={mt('source.choose')}
            helperText={mt('import.sourceHelp')}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'import-source' }, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }}
          />
        )}
      />
      <ApiErrorAlert error={create.error} />
    </>
  );
}
