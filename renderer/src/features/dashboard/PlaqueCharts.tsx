import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { plaqueCategories } from '../../../../shared/rules/plaque';
import { navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useQuery } from '../../lib/useApi';
import { usePlaquesT } from '../plaques/i18n';
import { bandHeight, ChartCard, countXAxis } from './ChartCard';
import { categoryBarPath, categoryCount, categoryStatuses, divisionBarPath, divisionParts, divisionSeries } from './chartLinks';
import { useDashboardT } from './i18n';

/**
 * Households by township / village, split by their plaque (a part opens the ledger of that division
 * in the view of the part; the select goes down a level), and by the category × status of their
 * plaque (a part opens the ledger of the division shown, filtered by that category and status).
 * Every count is a number of ledger lines (chartLinks.ts).
 */
export function PlaqueCharts() {
  const dt = useDashboardT();
  const pt = usePlaquesT();
  const [code, setCode] = useState<string | null>(null);
  const [trail, setTrail] = useState<string[]>([]);
  const stats = useQuery('statistics.plaques', code ? { divisionCode: code } : {});
  const data = stats.data;
  const rows = data?.byDivision ?? [];
  const childLevel = rows[0]?.level ?? 0;
  const levelName = childLevel === 4 ? dt('levels.township') : childLevel === 5 ? dt('levels.village') : dt('levels.division');
  const parts = rows.map(divisionParts);

  const down = (to: string) => {
    setTrail((t) => [...t, code ?? '']);
    setCode(to);
  };
  const up = () => {
    const previous = trail[trail.length - 1];
    setTrail((t) => t.slice(0, -1));
    setCode(previous ? previous : null);
  };

  return (
    <>
      <ApiErrorAlert error={stats.error} />
      <ChartCard
        title={dt('plaquesByDivision', { division: data?.divisionName || dt('allDivisions'), level: levelName })}
        testId="chart-plaques-division"
        empty={rows.length === 0}
        actions={
          <>
            {trail.length > 0 && <Button size="small" onClick={up} data-testid="chart-division-up">{dt('up')}</Button>}
            {childLevel > 0 && childLevel < 5 && rows.length > 0 && (
              <TextField select size="small" label={dt('levels.village')} value="" onChange={(e) => down(e.target.value)} sx={{ width: 160 }} slotProps={{ htmlInput: { 'data-testid': 'chart-division-down' } }}>
                {rows.map((r) => <MenuItem key={r.divisionCode} value={r.divisionCode}>{r.divisionName}</MenuItem>)}
              </TextField>
            )}
          </>
        }
      >
        <BarChart
          layout="horizontal"
          height={bandHeight(rows.length)}
          yAxis={[{ scaleType: 'band', data: rows.map((r) => r.divisionName), width: 150 }]}
          xAxis={[countXAxis]}
          series={divisionSeries.map((s) => ({ id: s.id, label: dt(`series.${s.id}`), stack: 'households', data: parts.map((p) => p[s.id]) }))}
          onItemClick={(_e, item) => {
            const row = rows[item.dataIndex];
            if (row) navigate(divisionBarPath(row, String(item.seriesId)));
          }}
        />
      </ChartCard>
      <ChartCard title={dt('plaquesByCategory')} testId="chart-plaques-category" empty={(data?.byCategoryStatus.length ?? 0) === 0}>
        <BarChart
          layout="horizontal"
          height={bandHeight(plaqueCategories.length)}
          yAxis={[{ scaleType: 'band', data: plaqueCategories.map((c) => pt(`categories.${c}`)), width: 130 }]}
          xAxis={[countXAxis]}
          series={categoryStatuses.map((s) => ({ id: s, label: pt(`statuses.${s}`), stack: 'plaques', data: plaqueCategories.map((c) => (data ? categoryCount(data, c, s) : 0)) }))}
          onItemClick={(_e, item) => {
            const category = plaqueCategories[item.dataIndex];
            const status = categoryStatuses.find((s) => s === item.seriesId);
            if (data && category && status) navigate(categoryBarPath(data, category, status));
          }}
        />
      </ChartCard>
    </>
  );
}
