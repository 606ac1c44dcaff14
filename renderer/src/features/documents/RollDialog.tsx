/**
 * 打印烈士英名录: the roll's options (title, sections by period or division, the stroke
 * convention, verified only or not, the preface kept in the settings), the sections it will print
 * with their sizes, then documents.printRoll as a job with progress, cancel and the preview.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import MenuBookIcon from '@mui/icons-material/MenuBookOutlined';
import type { ApiError } from '../../../../shared/contract';
import { ROLL_PREFACE_MAX } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useDocumentsT } from './i18n';
import { PrintJobDialog } from './PrintLettersButton';

type SectionBy = 'period' | 'division';
type Level = 'county' | 'township';
type Convention = 'surname' | 'fullName';

function RollOptionsDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (jobId: number | null, error: ApiError | null) => void }) {
  const dt = useDocumentsT();
  const client = useClient();
  const [title, setTitle] = useState(dt('roll.defaultTitle'));
  const [sectionBy, setSectionBy] = useState<SectionBy>('period');
  const [divisionLevel, setLevel] = useState<Level>('township');
  const [convention, setConvention] = useState<Convention>('surname');
  const [includeUnverified, setInclude] = useState(false);
  const [preface, setPreface] = useState<string | null>(null);
  const [sections, setSections] = useState<{ key: string; title: string; count: number }[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [grid, setGrid] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    void client.call('settings.get', {}).then((r) => {
      if (r.ok) {
        setPreface(r.value.rollPreface);
        if (r.value.officeName) setTitle(`${r.value.officeName.replace(/退役军人事务局$/, '')}${dt('roll.defaultTitle')}`);
      } else setError(r.error);
    });
  }, [client, dt]);
  useEffect(() => {
    setSections(null);
    setGrid(new Set());
    void client.call('documents.rollSections', { sectionBy, divisionLevel, includeUnverified }).then((r) => (r.ok ? setSections(r.value) : setError(r.error)));
  }, [client, sectionBy, divisionLevel, includeUnverified]);

  const start = async () => {
    const started = await client.call('documents.printRoll', { title: title.trim(), sectionBy, divisionLevel, includeUnverified, convention, preface: preface ?? '', gridSections: [...grid] });
    onStarted(started.ok ? started.value.jobId : null, started.ok ? null : started.error);
  };
  const empty = sections !== null && sections.length === 0;

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="roll-title" data-testid="roll-dialog">
      <DialogTitle id="roll-title">{dt('roll.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField label={dt('roll.bookTitle')} value={title} onChange={(e) => setTitle(e.target.value)} slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'roll-book-title' } }} />
          <Stack direction="row" spacing={2}>
            <TextField select fullWidth label={dt('roll.sectionBy')} value={sectionBy} onChange={(e) => setSectionBy(e.target.value as SectionBy)} slotProps={{ htmlInput: { 'data-testid': 'roll-section-by' } }}>
              {(['period', 'division'] as const).map((v) => (
                <MenuItem key={v} value={v}>
                  {dt(`roll.sectionByOptions.${v}`)}
                </MenuItem>
              ))}
            </TextField>
            {sectionBy === 'division' ? (
              <TextField select fullWidth label={dt('roll.divisionLevel')} value={divisionLevel} onChange={(e) => setLevel(e.target.value as Level)}>
                {(['county', 'township'] as const).map((v) => (
                  <MenuItem key={v} value={v}>
                    {dt(`roll.divisionLevels.${v}`)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            <TextField select fullWidth label={dt('roll.convention')} value={convention} onChange={(e) => setConvention(e.target.value as Convention)} slotProps={{ htmlInput: { 'data-testid': 'roll-convention' } }}>
              {(['surname', 'fullName'] as const).map((v) => (
                <MenuItem key={v} value={v}>
                  {dt(`roll.conventions.${v}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <FormControlLabel control={<Checkbox checked={includeUnverified} onChange={(e) => setInclude(e.target.checked)} data-testid="roll-include-unverified" />} label={dt('roll.includeUnverified')} />
          <TextField
            label={dt('roll.preface')}
            multiline
            minRows={4}
            maxRows={12}
            value={preface ?? ''}
            disabled={preface === null}
            onChange={(e) => setPreface(e.target.value)}
            slotProps={{ htmlInput: { maxLength: ROLL_PREFACE_MAX, 'data-testid': 'roll-preface' } }}
          />
          <div>
            <Typography variant="subtitle2">{dt('roll.sections')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {empty ? dt('roll.noSections') : dt('roll.gridHint')}
            </Typography>
            <Stack data-testid="roll-sections">
              {(sections ?? []).map((s) => (
                <FormControlLabel
                  key={s.key}
                  control={<Checkbox size="small" checked={grid.has(s.key)} onChange={(e) => setGrid((g) => (e.target.checked ? new Set([...g, s.key]) : new Set([...g].filter((k) => k !== s.key))))} data-testid={`roll-grid-${s.key}`} />}
                  label={dt('roll.sectionCount', { title: s.title, count: s.count })}
                />
              ))}
            </Stack>
          </div>
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{dt('roll.cancel')}</Button>
        <Button variant="contained" disabled={empty || sections === null || preface === null || title.trim() === ''} onClick={() => void start()} data-testid="roll-print">
          {dt('roll.print')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The button on the documents page: the options, then the job's progress and the preview. */
export function PrintRollButton() {
  const dt = useDocumentsT();
  const [step, setStep] = useState<'closed' | 'options' | 'job'>('closed');
  const [job, setJob] = useState<{ jobId: number | null; error: ApiError | null }>({ jobId: null, error: null });
  return (
    <>
      <Button variant="outlined" startIcon={<MenuBookIcon />} onClick={() => setStep('options')} data-testid="print-roll" sx={{ whiteSpace: 'nowrap' }}>
        {dt('roll.button')}
      </Button>
      {step === 'options' ? (
        <RollOptionsDialog
          onClose={() => setStep('closed')}
          onStarted={(jobId, error) => {
            setJob({ jobId, error });
            setStep('job');
          }}
        />
      ) : null}
      {step === 'job' ? <PrintJobDialog jobId={job.jobId} error={job.error} onClose={() => setStep('closed')} /> : null}
    </>
  );
}
