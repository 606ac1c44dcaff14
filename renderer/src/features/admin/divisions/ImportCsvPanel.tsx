import { useRef, useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { Section } from './Section';

const MAX_BYTES = 30 * 1024 * 1024;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Imports townships and villages from the office's own CSV of statistical division codes (a job). */
export function ImportCsvPanel({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const importCsv = useAction('divisions.importCsv');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [reading, setReading] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);

  const choose = (chosen: File | undefined) => {
    setTooLarge(Boolean(chosen && chosen.size > MAX_BYTES));
    setFile(chosen && chosen.size <= MAX_BYTES ? chosen : null);
    importCsv.clearError();
  };

  const start = async () => {
    if (!file) return;
    setReading(true);
    const contentBase64 = await readAsBase64(file).finally(() => setReading(false));
    const started = await importCsv.run({ fileName: file.name, contentBase64 });
    if (started) {
      setJobId(started.jobId);
      setFile(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Section title={t('divisions.importTitle')} lead={t('divisions.importLead')} testId="division-import">
      <input ref={input} type="file" accept=".csv,text/csv" hidden onChange={(e) => choose(e.target.files?.[0])} data-testid="division-import-file" />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<UploadIcon />} onClick={() => input.current?.click()}>
          {t('divisions.chooseFile')}
        </Button>
        {file ? (
          <>
            <Typography variant="body2" sx={{ minWidth: 0 }} noWrap>
              {t('divisions.fileChosen', { name: file.name, size: sizeLabel(file.size) })}
            </Typography>
            <Button variant="contained" onClick={() => void start()} disabled={reading || importCsv.busy} data-testid="division-import-start">
              {t('divisions.startImport')}
            </Button>
          </>
        ) : null}
      </Stack>
      {tooLarge ? <Alert severity="error">{t('divisions.fileTooLarge')}</Alert> : null}
      <ApiErrorAlert error={importCsv.error} />
      {jobId !== null ? <JobProgress key={jobId} jobId={jobId} onFinished={onLoaded} /> : null}
    </Section>
  );
}
