import { BarChart } from '@mui/x-charts/BarChart';
import { martyrStatuses, periods } from '../../../../shared/contract/martyrs';
import { navigate } from '../../app/router';
import { rollPath } from '../../lib/listLinks';
import { useQuery } from '../../lib/useApi';
import { useMartyrsT } from '../martyrs/i18n';
import { bandHeight, ChartCard, countXAxis } from './ChartCard';
import { useDashboardT } from './i18n';

/** The roll by historical period, a stack per status; a bar opens the roll filtered by both. */
export function RollChart() {
  const dt = useDashboardT();
  const mt = useMartyrsT();
  const stats = useQuery('statistics.martyrs', {});
  const rows = stats.data?.byStatusPeriod ?? [];
  const shown = [...periods.filter((p) => rows.some((r) => r.period === p)), ...(rows.some((r) => r.period === null) ? [null] : [])];
  return (
    <ChartCard title={dt('roll')} testId="chart-roll" empty={rows.length === 0}>
      <BarChart
        layout="horizontal"
        height={bandHeight(shown.length)}
        yAxis={[{ scaleType: 'band', data: shown.map((p) => (p === null ? dt('noPeriod') : mt(`period.${p}`))), width: 130 }]}
        xAxis={[countXAxis]}
        series={martyrStatuses.map((s) => ({ id: s, label: mt(`status.${s}`), stack: 'roll', data: shown.map((p) => rows.find((r) => r.status === s && r.period === p)?.count ?? 0) }))}
        onItemClick={(_e, item) => navigate(rollPath({ status: martyrStatuses.find((s) => s === item.seriesId) ?? null, period: shown[item.dataIndex] ?? null }))}
      />
    </ChartCard>
  );
}
