import { useEffect } from 'react';
import { Chip, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '../../lib/useApi';
import { usePlaquesT } from './i18n';

/** Year-end figures for the chosen division: plaques by category and status, and by the divisions under it. */
export function CountsPanel({ divisionCode, version }: { divisionCode: string | null; version: number }) {
  const pt = usePlaquesT();
  const counts = useQuery('plaques.counts', divisionCode ? { divisionCode } : {});
  const { reload } = counts;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="plaque-counts">
      <Typography variant="subtitle1">{pt('counts.title')}</Typography>
      <Typography variant="subtitle2">{pt('counts.byCategory')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>{counts.data?.byCategory.map((c) => <Chip key={c.category} size="small" label={`${pt(`categories.${c.category}`)} ${c.count}`} />)}</Stack>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byStatus')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>{counts.data?.byStatus.filter((s) => s.count > 0).map((s) => <Chip key={s.status} size="small" label={`${pt(`statuses.${s.status}`)} ${s.count}`} data-testid={`count-${s.status}`} />)}</Stack>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byDivision')}</Typography>
      {counts.data?.byDivision.map((d) => <Typography key={d.divisionCode} variant="body2">{d.divisionName}: {pt('counts.households')} {d.households} · {pt('counts.hung')} {d.hung} · {pt('counts.inUse')} {d.inUse} · {pt('counts.cancelled')} {d.cancelled}</Typography>)}
    </Paper>
  );
}
