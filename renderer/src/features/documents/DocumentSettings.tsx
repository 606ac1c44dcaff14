/**
 * 文书设置 (administrator): the issuing authority and its place, how dates are written, and the
 * good-news letter's wording per award class ({placeholders} checked here and by the backend).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { dateStyles, LETTER_PLACEHOLDERS, unknownPlaceholders, type Settings } from '../../../../shared/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAction, useQuery } from '../../lib/useApi';
import { useDocumentsT } from './i18n';

export function DocumentSettings({ initial }: { initial: Settings }) {
  const dt = useDocumentsT();
  const { t } = useTranslation();
  const update = useAction('settings.update');
  const classes = useQuery('awardClasses.list', {});
  const [issuingAuthority, setAuthority] = useState(initial.issuingAuthority);
  const [issuingPlace, setPlace] = useState(initial.issuingPlace);
  const [dateStyle, setDateStyle] = useState(initial.dateStyle);
  const [wordings, setWordings] = useState<Record<string, string>>(initial.letterWordings);
  const [saved, setSaved] = useState(false);
  const placeholders = LETTER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  const problemOf = (w: string) => {
    if (w.trim() === '') return null;
    const unknown = unknownPlaceholders(w);
    if (unknown.length > 0) return unknown.map((p) => `{${p}}`).join(' ');
    return w.includes('{name}') ? null : '{name}';
  };
  const invalid = Object.values(wordings).some((w) => problemOf(w) !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const letterWordings = Object.fromEntries(Object.entries(wordings).filter(([, w]) => w.trim() !== ''));
    if (await update.run({ issuingAuthority: issuingAuthority.trim(), issuingPlace: issuingPlace.trim(), dateStyle, letterWordings })) setSaved(true);
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2.5}>
          <Typography variant="h6">{dt('settings.title')}</Typography>
          <TextField label={dt('settings.issuingAuthority')} value={issuingAuthority} onChange={(e) => setAuthority(e.target.value)} helperText={dt('settings.issuingAuthorityHelp')} slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'settings-issuing-authority' } }} />
          <TextField label={dt('settings.issuingPlace')} value={issuingPlace} onChange={(e) => setPlace(e.target.value)} helperText={dt('settings.issuingPlaceHelp')} slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'settings-issuing-place' } }} />
          <TextField select label={dt('settings.dateStyle')} value={dateStyle} onChange={(e) => setDateStyle(e.target.value as Settings['dateStyle'])} slotProps={{ htmlInput: { 'data-testid': 'settings-date-style' } }}>
            {dateStyles.map((s) => (
              <MenuItem key={s} value={s}>
                {dt(`settings.dateStyles.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          {(classes.data ?? []).map((c) => {
            const value = wordings[String(c.id)] ?? '';
            const problem = problemOf(value);
            return (
              <TextField
                key={c.id}
                multiline
                minRows={2}
                label={dt('settings.wording', { className: c.name })}
                value={value}
                onChange={(e) => setWordings((w) => ({ ...w, [String(c.id)]: e.target.value }))}
                error={problem !== null}
                helperText={problem ?? dt('settings.wordingHelp', { placeholders })}
                slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': `settings-wording-${c.id}` } }}
              />
            );
          })}
          <ApiErrorAlert error={update.error ?? classes.error} />
          {saved ? (
            <Alert severity="success" onClose={() => setSaved(false)} data-testid="document-settings-saved">
              {t('common.saved')}
            </Alert>
          ) : null}
          <Box>
            <Button type="submit" variant="contained" disabled={update.busy || invalid} data-testid="document-settings-save">
              {t('common.save')}
            </Button>
          </Box>
        </Stack>
      </form>
    </Paper>
  );
}
