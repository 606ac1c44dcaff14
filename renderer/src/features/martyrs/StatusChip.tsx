import { Chip, type ChipProps } from '@mui/material';
import type { MartyrStatus } from '../../../../shared/contract';
import { useMartyrLabels } from './i18n';

const colors: Record<MartyrStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  verified: 'success',
  returned: 'warning',
};

/** 草稿 / 已提交 / 已审核 / 已退回 as a small chip; `data-status` carries the code for tests. */
export function StatusChip({ status, testId, size = 'small' }: { status: MartyrStatus; testId?: string; size?: ChipProps['size'] }) {
  const labels = useMartyrLabels();
  return (
    <Chip
      size={size}
      variant={status === 'draft' ? 'outlined' : 'filled'}
      color={colors[status]}
      label={labels.status(status)}
      data-status={status}
      data-testid={testId}
      sx={{ height: size === 'small' ? 22 : undefined, fontWeight: 500, '& .MuiChip-label': { px: 1 } }}
    />
  );
}
