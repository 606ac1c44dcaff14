/**
 * A titled panel of a settings-like page (系统管理 → 备份与恢复 and the like): an outlined Paper
 * with its heading (h2) and a short lead under it, then the panel's own content.
 */
import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

export function SectionPanel({ title, lead, spacing = 1.5, children, testId }: { title: string; lead?: ReactNode; spacing?: number; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid={testId}>
      <Stack spacing={spacing}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {lead ? (
          <Typography variant="body2" color="text.secondary">
            {lead}
          </Typography>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}
