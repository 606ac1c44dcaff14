import { Chip, Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { hrefOf, navigate } from '../../app/router';
import { lettersPath } from '../../lib/listLinks';
import { useQuery } from '../../lib/useApi';
import { useHonorsT } from '../honors/i18n';
import { ChartCard, countYAxis } from './ChartCard';
import { awardBarPath, awardBars, letterSlicePath, letterSlices } from './chartLinks';
import { useDashboardT } from './i18n';

/** Letters by status (a slice opens the letters of that status) with the overdue and due-soon ones. */
export function LetterChart() {
  const dt = useDashboardT();
  const ht = useHonorsT();
  const stats = useQuery('statistics.letters', {});
  const rows = stats.data ? letterSlices(stats.data) : [];
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
          if (row) navigate(letterSlicePath(row.status));
        }}
      />
    </ChartCard>
  );
}

/** Awards by year, a stack per class; a part opens the register filtered by its class and year. */
export function AwardChart() {
  const dt = useDashboardT();
  const stats = useQuery('statistics.awards', {});
  const rows = stats.data?.byClassYear ?? [];
  const { years, classes, count } = awardBars(rows);
  return (
    <ChartCard title={dt('awards')} testId="chart-awards" empty={rows.length === 0}>
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: years.map((y) => (y === null ? dt('noYear') : String(y))) }]}
        yAxis={[countYAxis]}
        series={classes.map((c) => ({ id: String(c.id), label: c.name, stack: 'awards', data: years.map((y) => count(c.id, y)) }))}
        onItemClick={(_e, item) => {
          const cls = classes.find((c) => String(c.id) === item.seriesId);
          const year = years[item.dataIndex];
          if (cls && year !== undefined) navigate(awardBarPath(cls.id, year));
        }}
      />
    </ChartCard>
  );
}
