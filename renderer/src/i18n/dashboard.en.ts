import type { Messages } from './messages';
import type { dashboardZh } from './dashboard.zh';



export const dashboardEn: Messages<typeof dashboardZh> = {
  title: 'Statistics',
  lead: 'Click a bar or slice (or Tab to a chart, arrows to choose, Enter) to open the list behind it.',
  total: 'Total {{count}}',
  noData: 'No data yet',
  plaquesByDivision: 'Plaques: {{division}} by {{level}}',
  allDivisions: 'all areas',
  up: 'Up one level',
  levels: { township: 'township', village: 'village', division: 'area' },
  series: { hung: 'Hung', inUseNotHung: 'In use, not hung', withoutPlaque: 'Households without a plaque in use', cancelled: 'Cancelled' },
  plaquesByCategory: 'Plaques by category and status',
  letters: 'Good-news letters by status',
  overdue: 'Overdue {{count}}',
  dueSoon: 'Due soon {{count}}',
  awards: 'Awards by class and year',
  noYear: 'Date unknown',
  roll: 'Roll by status and period',
  noPeriod: 'No period',
  chartHint: '{{title}}. {{count}} items; Tab to the chart, arrows to move, Enter to open the list.',
};
