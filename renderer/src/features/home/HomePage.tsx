/**
 * 首页 — the landing screen after sign-in: what needs doing today. For now the good-news letters
 * that are overdue or due soon (JOURNEYS.md §3: "the home page shows what is due this week and
 * what is overdue"); below it the statistics dashboard (JOURNEYS.md §4: counts by category and
 * township), whose charts open the lists behind them.
 */
import { Box, Typography } from '@mui/material';
import { useUser } from '../auth/SessionProvider';
import { DueLettersPanel } from '../honors/DueLettersPanel';
import { Dashboard } from '../dashboard/Dashboard';
import { useHonorsT } from '../honors/i18n';
import { localDay } from '../honors/letters/localDay';
import { IntegrityWarning } from '../admin/integrity/IntegrityWarning';
import { PortableSuggestion } from '../encryption/PortableSuggestion';

export function HomePage() {
  const ht = useHonorsT();
  const user = useUser();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1400 }} data-testid="page-home">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {ht('home.greeting', { name: user.displayName })}
        </Typography>
        <Typography color="text.secondary">{ht('home.today', { today: localDay() })}</Typography>
      </Box>
      <IntegrityWarning />
      <PortableSuggestion />
      <DueLettersPanel />
      <Dashboard />
    </Box>
  );
}
