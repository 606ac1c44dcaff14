import { Chip, Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { letterStatuses } from '../../../../shared/rules/letterState';
import { hrefOf, navigate } from '../../app/router';
import { lettersPath } from '../../lib/listLinks';
import { useQuery } from '../../lib/useApi';
import { useHonorsT } from '../honors/i18n';
import { ChartCard, countYAxis } from './ChartCard';
import { useDashboardT } from './i18n';

/** Letters by status (a slice opens the letters of that status) with the overdue and due-soon ones. */
export function LetterChart() {
  const dt = useDashboardT();
  const ht = useHonorsT();
  const stats = useQuery('statistics.letters', {});
  const rows = letterStatuses.map((status) => ({ status, count: stats.data?.byStatus.find((r) => r.status === status)?.count ?? 0 })).filter((r) => r.count > 0);
  return (
    <ChartCard
      title={dt('letters')}
      testId="chart-letters"
      empty={rows.length === 0}
      actions={
        stats.data && (
          <Stack direction="row" spacing={1}>
            <Chip size="small" color={stats.data.overdue > 0 ? 'error' : 'default'} component="a" clickable href={hrefOf(lettersPath({ due: 'overdue' }))} label={dt('overdue', { count: stats.data.overdue })} data-testid="chart-letters-overdue" />
            <Chip size="small" color={stats.data.dueSoon > 0 ? 'warning' : 'default'} component="a" clickable href={hrefOf(lettersPath({ due: 'dueSoon' }))} label={dt('dueSoon', { count: stats.data.dueSoon })} />
          </Stack>
        )
      }
    >
      <PieChart
        height={220}
        series={[{ id: 'letters', innerRadius: 40, paddingAngle: 1, data: rows.map((r, i) => ({ id: i, value: r.count, label: `${ht(`status.${r.status}`)} ${r.count}` })) }]}
        onItemClick={(_e, item) => {
          const row = rows[item.dataIndex];
          if (row) navigate(lettersPath({ status: row.status }));
        }}
      />
    </ChartCard>
  );
}

/** Awards by year, a stack per class; a bar opens the award register. */
export function AwardChart() {
  const dt = useDashboardT();
  const stats = useQuery('statistics.awards', {});
  const rows = stats.data?.byClassYear ?? [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const classes = [...new Map(rows.map((r) => [r.classId, r.className])).entries()];
  return (
    <ChartCard title={dt('awards')} testId="chart-awards" empty={rows.length === 0}>
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: years.map((y) => (y === null ? dt('noYear') : String(y))) }]}
        yAxis={[countYAxis]}
        series={classes.map(([id, name]) => ({ id: String(id), label: name, stack: 'awards', data: years.map((y) => rows.find((r) => r.classId === id && r.year === y)?.count ?? 0) }))}
        onItemClick={() => navigate('/honors')}
      />
    </ChartCard>
  );
}
