/**
 * The roll's filters and order: status, period, source, division (native place or place of death,
 * any level), a death date range typed as archivists write dates, and the sort. Native selects:
 * quick with the keyboard.
 */
import { Box, IconButton, TextField, Tooltip } from '@mui/material';
import ClearIcon from '@mui/icons-material/FilterAltOffOutlined';
import { martyrStatuses, periodFilters, periods, type MartyrStatus, type PeriodFilter } from '../../../../../shared/contract';
import { martyrSorts } from '../../../../../shared/contract/martyrs';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { useQuery } from '../../../lib/useApi';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { isSort, noFilters, rangeDay, storeSort, type RollFilters, type RollSearch } from './rollSearch';

interface Props {
  search: RollSearch;
  onChange: (update: (previous: RollSearch) => RollSearch) => void;
  filtered: boolean;
}

const selectProps = (testId: string) => ({ select: { native: true }, htmlInput: { 'data-testid': testId }, inputLabel: { shrink: true } }) as const;

/** The order of the list (姓氏笔画, 姓名笔画, 拼音, 牺牲时间, 录入时间); remembered on this computer. */
export function SortSelect({ search, onChange }: { search: RollSearch; onChange: Props['onChange'] }) {
  const mt = useMartyrsT();
  return (
    <TextField
      select
      label={mt('sort.label')}
      value={search.sort}
      onChange={(e) => {
        const value = e.target.value;
        if (!isSort(value)) return;
        storeSort(value);
        onChange((s) => ({ ...s, sort: value }));
      }}
      fullWidth={false}
      sx={{ width: 150 }}
      slotProps={selectProps('martyr-sort')}
      >
      {martyrSorts.map((s) => (
        <option key={s} value={s}>
          {mt(`sort.${s}`)}
        </option>
      ))}
    </TextField>
  );
}

export function RollFiltersBar({ search, onChange, filtered }: Props) {
  const mt = useMartyrsT();
  const labels = useMartyrLabels();
  const sources = useQuery('sources.list', {});
  const f = search.filters;
  const set = (patch: Partial<RollFilters>) => onChange((s) => ({ ...s, filters: { ...s.filters, ...patch } }));
  const fromBad = !rangeDay(f.deathFrom, 'from').ok;
  const toBad = !rangeDay(f.deathTo, 'to').ok;

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.25, alignItems: 'flex-start' }} data-testid="martyr-filters">
      <TextField
        select
        label={mt('list.filterStatus')}
        value={f.status}
        onChange={(e) => set({ status: (martyrStatuses as readonly string[]).includes(e.target.value) ? (e.target.value as MartyrStatus) : '' })}
        fullWidth={false}
        sx={{ width: 112 }}
        slotProps={selectProps('martyr-filter-status')}
      >
        <option value="">{mt('list.all')}</option>
        {martyrStatuses.map((s) => (
          <option key={s} value={s}>
            {labels.status(s)}
          </option>
        ))}
      </TextField>
      <TextField
        select
        label={mt('list.filterPeriod')}
        value={f.period}
        onChange={(e) => set({ period: periodFilters.find((p) => p === e.target.value) ?? '' })}
        fullWidth={false}
        sx={{ width: 164 }}
        slotProps={selectProps('martyr-filter-period')}
      >
        <option value="">{mt('list.all')}</option>
        {periods.map((p) => (
          <option key={p} value={p}>
            {labels.period(p)}
          </option>
        ))}
        <option value={'none' satisfies PeriodFilter}>{mt('list.filterPeriodNone')}</option>
      </TextField>
      <TextField
        select
        label={mt('list.filterSource')}
        value={f.sourceId === null ? '' : String(f.sourceId)}
        onChange={(e) => set({ sourceId: e.target.value === '' ? null : Number(e.target.value) })}
        fullWidth={false}
        sx={{ width: 164 }}
        slotProps={selectProps('martyr-filter-source')}
      >
        <option value="">{mt('list.all')}</option>
        {(sources.data ?? []).map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.title}
          </option>
        ))}
        {f.sourceId !== null && sources.data && !sources.data.some((s) => s.id === f.sourceId) ? <option value={String(f.sourceId)}>#{f.sourceId}</option> : null}
      </TextField>
      <Box sx={{ width: 240 }}>
        <DivisionPicker value={f.division} onChange={(division) => set({ division })} label={mt('list.filterDivision')} testId="martyr-filter-division" />
      </Box>
      <TextField
        label={mt('list.deathFrom')}
        value={f.deathFrom}
        onChange={(e) => set({ deathFrom: e.target.value })}
        error={fromBad}
        placeholder={mt('list.deathRangeHelp')}
        fullWidth={false}
        sx={{ width: 100 }}
        slotProps={{ htmlInput: { 'data-testid': 'martyr-filter-death-from', maxLength: 30 }, inputLabel: { shrink: true } }}
      />
      <TextField
        label={mt('list.deathTo')}
        value={f.deathTo}
        onChange={(e) => set({ deathTo: e.target.value })}
        error={toBad}
        placeholder={mt('list.deathRangeHelp')}
        fullWidth={false}
        sx={{ width: 100 }}
        slotProps={{ htmlInput: { 'data-testid': 'martyr-filter-death-to', maxLength: 30 }, inputLabel: { shrink: true } }}
      />
      {filtered ? (
        <Tooltip title={mt('list.clearFilters')}>
          <IconButton onClick={() => onChange((s) => ({ ...s, filters: noFilters }))} aria-label={mt('list.clearFilters')} data-testid="martyr-filters-clear">
            <ClearIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : null}
    </Box>
  );
}
