import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useDashboardT } from './i18n';

/** A titled card around one chart; says "no data" rather than drawing empty axes. */
export function ChartCard({ title, testId, empty, actions, children }: { title: string; testId: string; empty: boolean; actions?: ReactNode; children: ReactNode }) {
  const dt = useDashboardT();
  return (
    <Paper variant="outlined" sx={{ p: 1.5, display: 'flex', flexDirection: 'column', minWidth: 0 }} data-testid={testId} component="section" aria-label={title}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 32, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flex: 1 }}>{title}</Typography>
        {actions}
      </Stack>
      {empty ? <Typography color="text.secondary" sx={{ py: 6, textAlign: 'center' }}>{dt('noData')}</Typography> : <Box sx={{ minWidth: 0 }}>{children}</Box>}
    </Paper>
  );
}

/** The chart height for a horizontal bar chart of `n` bands (each readable, never cramped). */
export function bandHeight(n: number): number {
  return Math.max(180, Math.min(640, 70 + n * 34));
}
