/**
 * 统计 — the dashboard on the home page: counts by category, status and division as charts
 * (MUI X Charts), each bar or slice opening the list behind it through its address
 * (lib/listLinks.ts). Charts take keyboard focus (Tab, arrows, Enter activates the item).
 */
import { Box, Typography } from '@mui/material';
import { AwardChart, LetterChart } from './HonorsCharts';
import { PlaqueCharts } from './PlaqueCharts';
import { RollChart } from './RollChart';
import { useDashboardT } from './i18n';

export function Dashboard() {
  const dt = useDashboardT();
  return (
    <Box component="section" aria-labelledby="dashboard-title" data-testid="dashboard">
      <Typography variant="h6" component="h2" id="dashboard-title">{dt('title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{dt('lead')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <PlaqueCharts />
        <LetterChart />
        <AwardChart />
        <RollChart />
      </Box>
    </Box>
  );
}
