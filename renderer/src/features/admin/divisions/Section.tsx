import type { ReactNode } from 'react';
import { Paper, Typography } from '@mui/material';

/** A titled panel of an administration page. */
export function Section({ title, lead, children, testId }: { title: string; lead?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }} data-testid={testId}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {lead ? (
        <Typography variant="body2" color="text.secondary">
          {lead}
        </Typography>
      ) : null}
      {children}
    </Paper>
  );
}
