import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/DownloadForOfflineOutlined';
import { useTranslation } from 'react-i18next';
import type { Division } from '../../../../../shared/contract';
import { useAction, useQuery } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { JobProgress } from '../../../components/JobProgress';
import { useOfficeSettings } from '../../shell/OfficeSettings';
import { Section } from './Section';

/**
 * The division picker (any level: try a name, pinyin, initials or a code), and loading the
 * townships and villages of the chosen county from the national data shipped with the application.
 */
export function LoadBuiltInPanel({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const { settings } = useOfficeSettings();
  const homeCode = settings?.homeDivisionCode ?? null;
  const home = useQuery('divisions.get', { code: homeCode ?? '000000000000' }, homeCode !== null);
  const [chosen, setChosen] = useState<Division | null | undefined>(undefined);
  const county = chosen === undefined ? (home.data ?? null) : chosen;
  const load = useAction('divisions.loadBuiltIn');
  const [jobId, setJobId] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const problem = attempted && (!county || county.level !== 3) ? t('divisions.needCounty') : null;

  const start = async () => {
    setAttempted(true);
    if (!county || county.level !== 3) return;
    const started = await load.run({ countyCode: county.code });
    if (started) setJobId(started.jobId);
  };

  return (
    <Section title={t('divisions.loadTitle')} lead={t('divisions.loadLead')} testId="division-load">
      <DivisionPicker value={county} onChange={(d) => setChosen(d)} error={Boolean(problem)} helperText={problem} />
      {county ? (
        <Typography variant="body2" data-testid="division-picked">
          {t('divisions.chosen', { name: county.fullName, code: county.code })}
        </Typography>
      ) : null}
      <Box>
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void start()} disabled={load.busy || (county !== null && county.level !== 3)} data-testid="division-load-start">
          {t('divisions.loadButton')}
        </Button>
      </Box>
      <ApiErrorAlert error={load.error} />
      {jobId !== null ? <JobProgress key={jobId} jobId={jobId} onFinished={onLoaded} /> : null}
    </Section>
  );
}
