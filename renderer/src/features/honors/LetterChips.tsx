import { Chip, type ChipProps } from '@mui/material';
import type { LetterRow } from '../../../../shared/contract';
import { useHonorsT } from './i18n';

const statusColors: Record<LetterRow['status'], ChipProps['color']> = {
  received: 'default',
  registered: 'info',
  verified: 'primary',
  delivered: 'success',
  feedback: 'success',
  cancelled: 'default',
};

/** 已收到 / 已登记 / 已审核 / 已送达 / 已反馈 / 已作废; `data-status` carries the code for tests. */
export function LetterStatusChip({ status, testId }: { status: LetterRow['status']; testId?: string }) {
  const ht = useHonorsT();
  return <Chip size="small" variant={status === 'received' || status === 'cancelled' ? 'outlined' : 'filled'} color={statusColors[status]} label={ht(`status.${status}`)} data-status={status} data-testid={testId} sx={{ height: 22 }} />;
}

const deadlineColors: Record<LetterRow['deadline'], ChipProps['color']> = { done: 'default', overdue: 'error', dueToday: 'warning', dueSoon: 'warning', onTime: 'default' };

/** Where a letter stands against its deadline: 逾期 2 个工作日, 今天到期, 剩 3 个工作日; once delivered, 按期送达 or 逾期送达. */
export function DeadlineChip({ row, testId }: { row: Pick<LetterRow, 'deadline' | 'workingDaysLeft' | 'deliveredOn' | 'dueOn'>; testId?: string }) {
  const ht = useHonorsT();
  const days = Math.abs(row.workingDaysLeft);
  if (row.deadline === 'done') {
    // Delivered: on time or late (the record an office is asked for).
    const late = row.deliveredOn !== null && row.deliveredOn > row.dueOn;
    return <Chip size="small" variant="outlined" color={late ? 'error' : 'success'} label={ht(late ? 'deadline.deliveredLate' : 'deadline.deliveredOnTime')} data-deadline={late ? 'deliveredLate' : 'deliveredOnTime'} data-testid={testId} sx={{ height: 22 }} />;
  }
  return <Chip size="small" variant={row.deadline === 'onTime' ? 'outlined' : 'filled'} color={deadlineColors[row.deadline]} label={ht(`deadline.${row.deadline}`, { days })} data-deadline={row.deadline} data-testid={testId} sx={{ height: 22 }} />;
}
