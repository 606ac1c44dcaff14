import { Box, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { DivisionStats } from './DivisionStats';
import { ImportCsvPanel } from './ImportCsvPanel';
import { LoadBuiltInPanel } from './LoadBuiltInPanel';
import { Section } from './Section';

/** 行政区划 — what is loaded, the picker, and loading a county's townships and villages (built-in data or a CSV). */
export function DivisionsPage() {
  const { t } = useTranslation();
  const stats = useQuery('divisions.stats', {});
  if (stats.error?.code === 'FORBIDDEN') return <ForbiddenPage error={stats.error} />;

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 1200 }}>
      <Section title={t('divisions.statsTitle')} lead={t('divisions.statsLead')}>
        <ApiErrorAlert error={stats.error} />
        <DivisionStats stats={stats.data} />
      </Section>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2.5, alignItems: 'start' }}>
        <LoadBuiltInPanel onLoaded={stats.reload} />
        <ImportCsvPanel onLoaded={stats.reload} />
      </Box>
    </Stack>
  );
}
