import { useEffect } from 'react';
import { Chip, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '../../lib/useApi';
import { usePlaquesT } from './i18n';

/**
 * Year-end figures for the chosen division: households, each once by the plaque its ledger line
 * shows (`plaques.counts`, the same query as the dashboard's charts), by category, by status and
 * by the divisions under it.
 */
export function CountsPanel({ divisionCode, version }: { divisionCode: string | null; version: number }) {
  const pt = usePlaquesT();
  const counts = useQuery('plaques.counts', divisionCode ? { divisionCode } : {});
  const { reload } = counts;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const data = counts.data;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="plaque-counts">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1 }}>
        <Typography variant="subtitle1">{pt('counts.title')}</Typography>
        {data ? (
          <Typography variant="body2" color="text.secondary" data-testid="count-households">
            {pt('counts.total', { count: data.households })}
          </Typography>
        ) : null}
      </Stack>
      <Typography variant="caption" color="text.secondary">{pt('counts.lead')}</Typography>
      <Typography variant="subtitle2">{pt('counts.byCategory')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {data?.byCategory.filter((c) => c.count > 0).map((c) => <Chip key={c.category} size="small" label={`${pt(`categories.${c.category}`)} ${c.count}`} data-testid={`count-category-${c.category}`} />)}
      </Stack>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byStatus')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {data?.byStatus.filter((s) => s.count > 0).map((s) => <Chip key={s.status} size="small" label={`${pt(`statuses.${s.status}`)} ${s.count}`} data-testid={`count-${s.status}`} />)}
        {data && data.withoutPlaque > 0 ? <Chip size="small" variant="outlined" label={`${pt('counts.withoutPlaque')} ${data.withoutPlaque}`} data-testid="count-none" /> : null}
      </Stack>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{pt('counts.byDivision')}</Typography>
      {data?.byDivision.map((d) => (
        <Typography key={d.divisionCode} variant="body2" data-testid={`count-division-${d.divisionCode}`}>
          {d.divisionName}: {pt('counts.households')} {d.households} · {pt('counts.hung')} {d.hung} · {pt('counts.inUse')} {d.inUse} · {pt('counts.cancelled')} {d.cancelled} · {pt('counts.withoutPlaque')} {d.withoutPlaque}
        </Typography>
      ))}
    </Paper>
  );
}
