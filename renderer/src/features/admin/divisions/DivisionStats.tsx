import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/contract';
import { formatCount } from '../../../lib/format';

type Stats = MethodOutput<'divisions.stats'>;

/** How many divisions of each level are loaded: five tiles, province to village. */
export function DivisionStats({ stats }: { stats: Stats | undefined }) {
  const { t } = useTranslation();
  const levels = t('divisions.levels', { returnObjects: true }) as Record<string, string>;
  const countOf = (level: number) => stats?.byLevel.find((s) => s.level === level)?.count ?? 0;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: 1.5 }} data-testid="division-stats">
      {[1, 2, 3, 4, 5].map((level) => (
        <Paper key={level} variant="outlined" sx={{ px: 2, py: 1.5 }} data-level={level} data-count={countOf(level)}>
          <Typography variant="body2" color="text.secondary">
            {levels[String(level)]}
          </Typography>
          <Typography variant="h5" component="p" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: countOf(level) ? 'text.primary' : 'text.disabled' }}>
            {stats ? formatCount(countOf(level)) : '—'}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
