import { PrinterProfilesSettings } from '../../documents/PrinterProfilesSettings';
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Paper, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Division, Settings } from '../../../../../shared/contract';
import { useAction, useQuery } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useOfficeSettings } from '../../shell/OfficeSettings';
import { NumberPatternSettings } from '../../plaques/NumberPatternSettings';
import { DocumentSettings } from '../../documents/DocumentSettings';

/** 系统设置 — the office name, the idle lock, the office's own division; plaque number patterns; documents. */
export function SettingsPage() {
  const settings = useQuery('settings.get', {});
  if (settings.error?.code === 'FORBIDDEN') return <ForbiddenPage error={settings.error} />;
  if (!settings.data) {
    return settings.error ? <ApiErrorAlert error={settings.error} /> : <CircularProgress size={24} />;
  }
  return (
    <Stack spacing={2}>
      <SettingsForm initial={settings.data} />
      <NumberPatternSettings initial={settings.data} />
      <DocumentSettings initial={settings.data} />
      <PrinterProfilesSettings initial={settings.data} />
    </Stack>
  );
}

function parseMinutes(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= 1 && n <= 240 ? n : null;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const office = useOfficeSettings();
  const update = useAction('settings.update');
  const [officeName, setOfficeName] = useState(initial.officeName);
  const [minutes, setMinutes] = useState(String(initial.idleLockMinutes));
  const home = useQuery('divisions.get', { code: initial.homeDivisionCode ?? '000000000000' }, initial.homeDivisionCode !== null);
  const [chosen, setChosen] = useState<Division | null | undefined>(undefined);
  const division = chosen === undefined ? (home.data ?? null) : chosen;
  const [saved, setSaved] = useState(false);
  const minutesValue = parseMinutes(minutes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (minutesValue === null) return;
    const result = await update.run({ officeName: officeName.trim(), idleLockMinutes: minutesValue, homeDivisionCode: division?.code ?? null });
    if (result) {
      setSaved(true);
      office.reload();
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2.5}>
          <TextField
            label={t('settings.officeName')}
            value={officeName}
            onChange={(e) => setOfficeName(e.target.value)}
            autoFocus
            helperText={t('settings.officeNameHelp')}
            slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'settings-office-name' } }}
          />
          <TextField
            label={t('settings.idleLockMinutes')}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={minutesValue === null}
            helperText={minutesValue === null ? t('settings.idleLockInvalid') : t('settings.idleLockHelp')}
            sx={{ maxWidth: 260 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'settings-idle-minutes' } }}
          />
          <DivisionPicker
            value={division}
            onChange={(d) => setChosen(d)}
            maxLevel={3}
            label={t('settings.homeDivision')}
            helperText={division ? `${division.code} · ${t('settings.homeDivisionHelp')}` : t('settings.homeDivisionHelp')}
            testId="settings-home-division"
          />
          <ApiErrorAlert error={update.error} />
          {saved ? (
            <Alert severity="success" onClose={() => setSaved(false)} data-testid="settings-saved">
              {t('common.saved')}
            </Alert>
          ) : null}
          <Box>
            <Button type="submit" variant="contained" disabled={update.busy || minutesValue === null} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Box>
        </Stack>
      </form>
    </Paper>
  );
}
