import { BarChart } from '@mui/x-charts/BarChart';
import { martyrStatuses } from '../../../../shared/contract/martyrs';
import { navigate } from '../../app/router';
import { useQuery } from '../../lib/useApi';
import { useMartyrsT } from '../martyrs/i18n';
import { bandHeight, ChartCard, countXAxis } from './ChartCard';
import { rollBarPath, rollBars } from './chartLinks';
import { useDashboardT } from './i18n';

/** The roll by historical period, a stack per status; a bar opens the roll filtered by both (未注明时期: the records without a period). */
export function RollChart() {
  const dt = useDashboardT();
  const mt = useMartyrsT();
  const stats = useQuery('statistics.martyrs', {});
  const rows = stats.data?.byStatusPeriod ?? [];
  const { periods: shown, count } = rollBars(rows);
  return (
    <ChartCard title={dt('roll')} testId="chart-roll" empty={rows.length === 0}>
      <BarChart
        layout="horizontal"
        height={bandHeight(shown.length)}
        yAxis={[{ scaleType: 'band', data: shown.map((p) => (p === null ? dt('noPeriod') : mt(`period.${p}`))), width: 130 }]}
        xAxis={[countXAxis]}
        series={martyrStatuses.map((s) => ({ id: s, label: mt(`status.${s}`), stack: 'roll', data: shown.map((p) => count(s, p)) }))}
        onItemClick={(_e, item) => navigate(rollBarPath(String(item.seriesId), shown[item.dataIndex] ?? null))}
      />
    </ChartCard>
  );
}
