import { useEffect, useState } from 'react';
import { Autocomplete, Box, Chip, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTreeOutlined';
import { useTranslation } from 'react-i18next';
import type { Division } from '../../../shared/contract';
import { useClient } from '../app/clientContext';
import { DivisionBrowser } from './DivisionBrowser';

export type DivisionLevel = Division['level'];

export interface DivisionPickerProps {
  value: Division | null;
  onChange: (division: Division | null) => void;
  label?: string;
  helperText?: string | null;
  error?: boolean;
  /** Offer nothing below this level (e.g. 3 for a county). */
  maxLevel?: DivisionLevel;
  /** Only divisions under this one. */
  within?: string;
  autoFocus?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Offer the level-by-level browser beside the search box. */
  browse?: boolean;
  /** The data-testid of the text input. */
  testId?: string;
}

const SEARCH_DELAY_MS = 180;

/**
 * Chooses an administrative division: type any part of a name, its pinyin, its initials or a code
 * prefix and the backend searches as you type; or browse level by level. Keyboard: type, arrows,
 * Enter; Esc closes the list.
 */
export function DivisionPicker({
  value,
  onChange,
  label,
  helperText,
  error,
  maxLevel,
  within,
  autoFocus,
  required,
  disabled,
  browse = true,
  testId = 'division-picker',
}: DivisionPickerProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [inputValue, setInputValue] = useState(value?.fullName ?? '');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; options: Division[] }>({ query: '', options: [] });
  const [browsing, setBrowsing] = useState(false);

  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      void client.call('divisions.search', { query: trimmed, within, maxLevel, limit: 20 }).then((result) => {
        if (live) setFound({ query: trimmed, options: result.ok ? result.value : [] });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, trimmed, within, maxLevel]);

  const loading = trimmed !== '' && found.query !== trimmed;
  const results = trimmed === '' ? [] : found.options;
  const options = value && !results.some((d) => d.code === value.code) ? [value, ...results] : results;
  const levels = t('divisions.levels', { returnObjects: true }) as Record<string, string>;

  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Autocomplete<Division, false, false, false>
        sx={{ flex: 1, minWidth: 0 }}
        value={value}
        onChange={(_e, next) => {
          onChange(next);
          setQuery('');
        }}
        inputValue={inputValue}
        onInputChange={(_e, next, reason) => {
          setInputValue(next);
          if (reason === 'input') setQuery(next);
          if (reason === 'clear') setQuery('');
        }}
        options={options}
        filterOptions={(x) => x}
        getOptionLabel={(d) => d.fullName}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        loading={loading}
        disabled={disabled}
        autoHighlight
        noOptionsText={trimmed === '' ? t('picker.typeToSearch') : t('picker.noOptions')}
        loadingText={t('picker.loading')}
        renderOption={({ key, ...props }, d) => (
          <Box component="li" key={key} {...props}>
            <Stack sx={{ minWidth: 0, flex: 1 }}>
              <Typography variant="body2" noWrap>
                {d.fullName}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>
                {d.code}
              </Typography>
            </Stack>
            <Chip size="small" variant="outlined" label={levels[String(d.level)] ?? d.level} sx={{ ml: 1 }} />
          </Box>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label ?? t('picker.label')}
            placeholder={t('picker.placeholder')}
            helperText={helperText}
            error={error}
            required={required}
            autoFocus={autoFocus}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId, maxLength: 40 } }}
          />
        )}
      />
      {browse ? (
        <>
          <Tooltip title={t('picker.browse')}>
            <span>
              <IconButton onClick={() => setBrowsing(true)} disabled={disabled} aria-label={t('picker.browse')} sx={{ mt: 0.25 }}>
                <AccountTreeIcon />
              </IconButton>
            </span>
          </Tooltip>
          {browsing ? (
            <DivisionBrowser
              within={within}
              maxLevel={maxLevel}
              onClose={() => setBrowsing(false)}
              onChoose={(d) => {
                setBrowsing(false);
                onChange(d);
                setInputValue(d.fullName);
              }}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
