/**
 * 来源: choose one of the registered sources by typing part of its title, or register a new one
 * right here (kind + title) without leaving the form.
 */
import { useRef, useState } from 'react';
import { Autocomplete, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { sourceKinds, type Source } from '../../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLang } from '../../../i18n';
import { useAction } from '../../../lib/useApi';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { useForm } from './fields';

type Kind = (typeof sourceKinds)[number];
type Option = Source | { id: -1; title: string; create: true };

function isCreate(o: Option): o is { id: -1; title: string; create: true } {
  return o.id === -1;
}

export function SourceChooser({ sources, onCreated }: { sources: Source[]; onCreated: (source: Source) => void }) {
  const { form, set, errorOf, readOnly } = useForm();
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const labels = useMartyrLabels();
  const { pick } = useLang();
  const [input, setInput] = useState('');
  const [creating, setCreating] = useState<{ kind: Kind; title: string } | null>(null);
  const create = useAction('sources.create');
  const titleRef = useRef<HTMLInputElement | null>(null);
  const value = sources.find((s) => s.id === form.sourceId) ?? null;
  const error = errorOf('sourceId');

  const startCreate = (title: string) => {
    setCreating({ kind: 'printed_roll', title: title.trim() });
    window.setTimeout(() => titleRef.current?.focus(), 0);
  };

  const save = async () => {
    if (!creating || creating.title.trim() === '') return;
    const source = await create.run({ kind: creating.kind, title: creating.title.trim() });
    if (!source) return;
    setCreating(null);
    onCreated(source);
    set({ sourceId: source.id });
    window.setTimeout(() => document.querySelector<HTMLInputElement>('[data-testid="field-sourcePage"]')?.focus(), 0);
  };

  return (
    <Box sx={{ gridColumn: 'span 12', minWidth: 0 }}>
      <Autocomplete<Option, false, false, false>
        value={value}
        onChange={(_e, next) => {
          if (next && isCreate(next)) startCreate(next.title);
          else set({ sourceId: next?.id ?? null });
        }}
        inputValue={input}
        onInputChange={(_e, next) => setInput(next)}
        options={sources as Option[]}
        filterOptions={(options, state) => {
          const q = state.inputValue.trim();
          const found = q === '' || (value && q === value.title) ? options : options.filter((o) => o.title.includes(q));
          const exact = options.some((o) => o.title === q);
          return readOnly ? found : [...found, { id: -1, title: exact ? '' : q, create: true } as Option];
        }}
        getOptionLabel={(o) => (isCreate(o) ? o.title : o.title)}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        readOnly={readOnly}
        renderOption={({ key, ...props }, o) =>
          isCreate(o) ? (
            <Box component="li" key={`create-${key}`} {...props} sx={{ color: 'primary.main', fontWeight: 500 }}>
              {o.title ? mt('source.createInline', { title: o.title }) : mt('source.createNew')}
            </Box>
          ) : (
            <Box component="li" key={key} {...props}>
              <Stack sx={{ minWidth: 0 }}>
                <Typography variant="body2" noWrap>
                  {o.title}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {labels.sourceKind(o.kind)} · {mt('source.recordCount')} {o.recordCount}
                </Typography>
              </Stack>
            </Box>
          )
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label={mt('fields.sourceId')}
            placeholder={mt('source.choose')}
            error={Boolean(error)}
            helperText={error ? pick(error) : undefined}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'field-sourceId' }, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }}
          />
        )}
      />
      {creating ? (
        <Box
          sx={{ mt: 1, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fafbfc', display: 'grid', gridTemplateColumns: '150px 1fr auto auto', gap: 1, alignItems: 'flex-start' }}
          data-testid="source-create-inline"
          data-nav-skip
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              e.stopPropagation();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setCreating(null);
            }
          }}
        >
          <TextField
            select
            label={mt('source.kind')}
            value={creating.kind}
            onChange={(e) => setCreating({ ...creating, kind: e.target.value as Kind })}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'source-create-kind' }, inputLabel: { shrink: true } }}
          >
            {sourceKinds.map((k) => (
              <option key={k} value={k}>
                {labels.sourceKind(k)}
              </option>
            ))}
          </TextField>
          <TextField
            label={mt('source.title')}
            value={creating.title}
            onChange={(e) => setCreating({ ...creating, title: e.target.value })}
            inputRef={titleRef}
            placeholder={mt('source.titleHelp')}
            autoComplete="off"
            slotProps={{ htmlInput: { 'data-testid': 'source-create-title', maxLength: 200 }, inputLabel: { shrink: true } }}
          />
          <Button variant="contained" onClick={() => void save()} disabled={create.busy || creating.title.trim() === ''} data-testid="source-create-save">
            {t('common.create')}
          </Button>
          <Button onClick={() => setCreating(null)}>{t('common.cancel')}</Button>
          {create.error ? (
            <Box sx={{ gridColumn: '1 / -1' }}>
              <ApiErrorAlert error={create.error} />
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
