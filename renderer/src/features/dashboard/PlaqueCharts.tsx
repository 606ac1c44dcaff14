import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { plaqueCategories, plaqueStatuses } from '../../../../shared/rules/plaque';
import { navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ledgerPath, ledgerViewOf, type LedgerView } from '../../lib/listLinks';
import { useQuery } from '../../lib/useApi';
import { usePlaquesT } from '../plaques/i18n';
import { bandHeight, ChartCard, countXAxis } from './ChartCard';
import { useDashboardT } from './i18n';

/** Per division, the households split by their plaque; each part opens the ledger view that lists them. */
const divisionSeries = [
  { id: 'hung', view: 'hung' },
  { id: 'inUseNotHung', view: 'all' },
  { id: 'cancelled', view: 'cancelled' },
  { id: 'withoutPlaque', view: 'none' },
] as const satisfies readonly { id: string; view: LedgerView }[];

/**
 * Plaques by township / village (bars open the ledger of that division, in the view of the part
 * clicked; the select goes down a level) and by category × status (bars open the ledger's status view).
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
  const parts = rows.map((r) => ({ hung: r.hung, inUseNotHung: r.inUse - r.hung, cancelled: r.cancelled, withoutPlaque: Math.max(0, r.households - r.inUse - r.cancelled) }));
  const statusesShown = plaqueStatuses.filter((s) => s !== 'superseded');
  const byCategory = plaqueCategories.map((c) => Object.fromEntries(statusesShown.map((s) => [s, data?.byCategoryStatus.find((x) => x.category === c && x.status === s)?.count ?? 0])) as Record<string, number>);

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
            const view = divisionSeries.find((s) => s.id === item.seriesId)?.view ?? 'all';
            if (row) navigate(ledgerPath({ divisionCode: row.divisionCode, view }));
          }}
        />
      </ChartCard>
      <ChartCard title={dt('plaquesByCategory')} testId="chart-plaques-category" empty={(data?.byCategoryStatus.length ?? 0) === 0}>
        <BarChart
          layout="horizontal"
          height={bandHeight(plaqueCategories.length)}
          yAxis={[{ scaleType: 'band', data: plaqueCategories.map((c) => pt(`categories.${c}`)), width: 130 }]}
          xAxis={[countXAxis]}
          series={statusesShown.map((s) => ({ id: s, label: pt(`statuses.${s}`), stack: 'plaques', data: byCategory.map((c) => c[s] ?? 0) }))}
          onItemClick={(_e, item) => navigate(ledgerPath({ divisionCode: data?.divisionCode ?? null, view: ledgerViewOf(String(item.seriesId) as (typeof statusesShown)[number]) }))}
        />
      </ChartCard>
    </>
  );
}
