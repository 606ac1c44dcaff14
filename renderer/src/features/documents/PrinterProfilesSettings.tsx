/**
 * 套打 printer profiles (administrator): per template (喜报, 发放回执) and printer, the offset in mm
 * and the scale, checked here as by the backend (|offset| ≤ 30 mm, scale 0.9–1.1), and a button to
 * print the calibration page through a profile (a registered document, opened in the preview).
 */
import { useState } from 'react';
import { Alert, Box, Button, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { formOffsetSchema, formTemplates, type ApiError, type FormTemplate, type PrinterProfiles, type Settings } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAction } from '../../lib/useApi';
import { useDocumentsT } from './i18n';
import { PrintJobDialog } from './PrintLettersButton';

interface Row {
  name: string;
  x: string;
  y: string;
  scale: string;
}

const rowsOf = (profiles: PrinterProfiles[FormTemplate]): Row[] => Object.entries(profiles).map(([name, o]) => ({ name, x: String(o.x), y: String(o.y), scale: String(o.scale) }));
const valid = (r: Row) => r.name.trim() !== '' && formOffsetSchema.safeParse({ x: Number(r.x), y: Number(r.y), scale: Number(r.scale) }).success && [r.x, r.y, r.scale].every((v) => v.trim() !== '');

export function PrinterProfilesSettings({ initial }: { initial: Settings }) {
  const dt = useDocumentsT();
  const { t } = useTranslation();
  const client = useClient();
  const update = useAction('settings.update');
  const [rows, setRows] = useState<Record<FormTemplate, Row[]>>({ letter: rowsOf(initial.printerProfiles.letter), slip: rowsOf(initial.printerProfiles.slip) });
  const [saved, setSaved] = useState(false);
  // The profiles as stored: a calibration page prints through a saved profile only (the job reads
  // the settings), so a profile becomes printable once saved, not only after the page is reopened.
  const [stored, setStored] = useState<PrinterProfiles>(initial.printerProfiles);
  const [job, setJob] = useState<{ jobId: number | null; error: ApiError | null } | null>(null);
  const all = formTemplates.flatMap((tpl) => rows[tpl]);
  const invalid = all.some((r) => !valid(r)) || formTemplates.some((tpl) => new Set(rows[tpl].map((r) => r.name.trim())).size !== rows[tpl].length);

  const edit = (tpl: FormTemplate, i: number, change: Partial<Row>) => setRows((p) => ({ ...p, [tpl]: p[tpl].map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  const save = async () => {
    setSaved(false);
    const toProfiles = (list: Row[]) => Object.fromEntries(list.map((r) => [r.name.trim(), { x: Number(r.x), y: Number(r.y), scale: Number(r.scale) }]));
    const printerProfiles = { letter: toProfiles(rows.letter), slip: toProfiles(rows.slip) };
    if (await update.run({ printerProfiles })) {
      setStored(printerProfiles);
      setSaved(true);
    }
  };
  const calibrate = async (template: FormTemplate, profile: string | null) => {
    const started = await client.call('documents.printCalibration', { template, profile });
    setJob({ jobId: started.ok ? started.value.jobId : null, error: started.ok ? null : started.error });
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }} data-testid="printer-profiles">
      <Stack spacing={2}>
        <Typography variant="h6">{dt('profiles.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {dt('profiles.lead')}
        </Typography>
        {formTemplates.map((tpl) => (
          <Stack key={tpl} spacing={1}>
            <Typography variant="subtitle2">{dt(`profiles.templates.${tpl}`)}</Typography>
            {rows[tpl].map((r, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <TextField size="small" label={dt('profiles.name')} value={r.name} onChange={(e) => edit(tpl, i, { name: e.target.value })} error={r.name.trim() === ''} slotProps={{ htmlInput: { maxLength: 40, 'data-testid': `profile-${tpl}-${i}-name` } }} />
                {(['x', 'y', 'scale'] as const).map((k) => (
                  <TextField key={k} size="small" type="number" label={dt(`profiles.${k}`)} value={r[k]} onChange={(e) => edit(tpl, i, { [k]: e.target.value })} error={!valid(r)} sx={{ width: 96 }} slotProps={{ htmlInput: { step: k === 'scale' ? 0.001 : 0.1, 'data-testid': `profile-${tpl}-${i}-${k}` } }} />
                ))}
                <Button size="small" disabled={!valid(r) || !(r.name.trim() in stored[tpl])} onClick={() => void calibrate(tpl, r.name.trim())}>
                  {dt('profiles.calibrate')}
                </Button>
                <IconButton aria-label={dt('profiles.remove')} onClick={() => setRows((p) => ({ ...p, [tpl]: p[tpl].filter((_, j) => j !== i) }))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            ))}
            <Box>
              <Button size="small" onClick={() => setRows((p) => ({ ...p, [tpl]: [...p[tpl], { name: '', x: '0', y: '0', scale: '1' }] }))} data-testid={`profile-${tpl}-add`}>
                {dt('profiles.add')}
              </Button>
              <Button size="small" onClick={() => void calibrate(tpl, null)}>
                {dt('profiles.calibrateDesigned')}
              </Button>
            </Box>
          </Stack>
        ))}
        {invalid ? <Alert severity="warning">{dt('profiles.invalid')}</Alert> : null}
        <ApiErrorAlert error={update.error} />
        {saved ? <Alert severity="success" onClose={() => setSaved(false)}>{t('common.saved')}</Alert> : null}
        <Box>
          <Button variant="contained" disabled={update.busy || invalid} onClick={() => void save()} data-testid="printer-profiles-save">
            {t('common.save')}
          </Button>
        </Box>
      </Stack>
      {job ? <PrintJobDialog jobId={job.jobId} error={job.error} onClose={() => setJob(null)} /> : null}
    </Paper>
  );
}
