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

/**
 * The value (count) axis of a bar chart: whole numbers only, and room for their labels. x-charts
 * drops (ellipsizes to nothing) a tick label that does not fit the axis size; the default 25 px
 * x-axis height leaves 16 px for the 12 px label, too little for the CJK font stack, so the
 * numbers vanished and only the ticks were drawn.
 */
const countTicks = { tickMinStep: 1, valueFormatter: (v: number | null) => (v !== null && Number.isInteger(v) ? String(v) : '') };
export const countXAxis = { ...countTicks, height: 36 };
export const countYAxis = { ...countTicks, width: 48 };
