/**
 * 打印喜报: asks for the paper (plain A4, or pre-printed letter paper: 套打, fields only) and the
 * printer profile (its calibrated offsets), starts documents.printLetters for the chosen awards,
 * shows the job's progress (and, when a character cannot be printed, which record and field),
 * and opens the preview when done.
 */
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField, Tooltip } from '@mui/material';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import type { ApiError, Job } from '../../../../shared/contract';
import { lettersJobResultSchema } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { useQuery } from '../../lib/useApi';
import { navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useDocumentsT } from './i18n';

/** The progress of a print job; opens the document's preview when it is done. */
export function PrintJobDialog({ jobId, error, onClose, children, onStart, title }: { jobId: number | null; error?: ApiError | null; onClose: () => void; children?: ReactNode; onStart?: () => void; title?: string }) {
  const dt = useDocumentsT();
  const finished = (job: Job) => {
    // Every print job answers the register id of its document.
    const result = lettersJobResultSchema.pick({ documentId: true }).safeParse(job.result);
    if (job.status === 'done' && result.success) {
      onClose();
      navigate(`/documents/${result.data.documentId}`);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="print-title" data-testid="print-dialog">
      <DialogTitle id="print-title">{title ?? dt('print.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          {jobId === null ? children : <JobProgress jobId={jobId} onFinished={finished} />}
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        {onStart && jobId === null ? (
          <Button variant="contained" onClick={onStart} data-testid="print-start">
            {dt('print.start')}
          </Button>
        ) : null}
        <Button onClick={onClose} data-testid="print-close">
          {dt('print.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The paper a form is printed on: plain (as designed) or pre-printed (套打: fields only), through a printer profile. */
export interface Paper {
  fieldsOnly: boolean;
  profile: string | null;
}
export const PLAIN_PAPER: Paper = { fieldsOnly: false, profile: null };

/** Plain paper or pre-printed forms, and the printer profile of the template (its calibrated offsets). */
export function PaperOptions({ template, paper, onChange }: { template: 'letter' | 'slip'; paper: Paper; onChange: (paper: Paper) => void }) {
  const dt = useDocumentsT();
  const settings = useQuery('settings.get', {});
  const profiles = Object.keys(settings.data?.printerProfiles[template] ?? {});
  return (
    <>
      <RadioGroup value={paper.fieldsOnly ? 'form' : 'plain'} onChange={(e) => onChange({ ...paper, fieldsOnly: e.target.value === 'form' })}>
        <FormControlLabel value="plain" control={<Radio autoFocus={!paper.fieldsOnly} />} label={dt(template === 'slip' ? 'print.plainSlip' : 'print.plain')} data-testid="print-plain" />
        <FormControlLabel value="form" control={<Radio />} label={dt(template === 'slip' ? 'print.fieldsOnlySlip' : 'print.fieldsOnly')} data-testid="print-fields-only" />
      </RadioGroup>
      <TextField
        select
        size="small"
        label={dt('print.profile')}
        value={paper.profile ?? ''}
        onChange={(e) => onChange({ ...paper, profile: e.target.value === '' ? null : e.target.value })}
        helperText={profiles.length === 0 ? dt('print.noProfiles') : dt('print.profileHint')}
        slotProps={{ htmlInput: { 'data-testid': 'print-profile' } }}
      >
        <MenuItem value="">{dt('print.asDesigned')}</MenuItem>
        {profiles.map((name) => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}

export function PrintLettersButton({ awardIds, showCount = false }: { awardIds: readonly number[]; showCount?: boolean }) {
  const dt = useDocumentsT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const [paper, setPaper] = useState<Paper>(PLAIN_PAPER);
  const [perRecord, setPerRecord] = useState(false);

  const choose = () => {
    setOpen(true);
    setJobId(null);
    setError(null);
  };
  const start = async () => {
    setBusy(true);
    const started = await client.call('documents.printLetters', { awardIds: [...awardIds], ...paper, output: perRecord ? 'perRecord' : 'single' });
    setBusy(false);
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };

  return (
    <>
      <Tooltip title={awardIds.length === 0 ? dt('print.none') : dt('print.hint')}>
        <span>
          <Button variant="outlined" startIcon={<PrintIcon />} disabled={busy || awardIds.length === 0} onClick={choose} data-testid="print-letters" sx={{ whiteSpace: 'nowrap' }}>
            {showCount ? dt('print.buttonCount', { count: awardIds.length }) : dt('print.button')}
          </Button>
        </span>
      </Tooltip>
      {open ? (
        <PrintJobDialog jobId={jobId} error={error} onClose={() => setOpen(false)} onStart={busy ? undefined : () => void start()}>
          <PaperOptions template="letter" paper={paper} onChange={setPaper} />
          {awardIds.length > 1 ? <FormControlLabel control={<Checkbox checked={perRecord} onChange={(e) => setPerRecord(e.target.checked)} data-testid="print-per-record" />} label={dt('print.perRecord')} /> : null}
        </PrintJobDialog>
      ) : null}
    </>
  );
}
