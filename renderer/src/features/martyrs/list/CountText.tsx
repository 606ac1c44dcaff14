import { Typography } from '@mui/material';
import { COUNT_CAP } from '../../../../../shared/contract';
import { formatCount } from '../../../lib/format';
import { useMartyrsT } from '../i18n';
import type { KeysetPages } from './keysetPages';

/** 共 N 条, or 10,000+ 条 once the count reaches the backend's cap. */
export function CountText({ pages, loading, testId }: { pages: KeysetPages<unknown>; loading: boolean; testId: string }) {
  const mt = useMartyrsT();
  const text = loading
    ? mt('list.counting')
    : pages.countCapped
      ? mt('list.countCapped', { count: formatCount(Math.max(pages.count, COUNT_CAP)) })
      : mt('list.count', { count: formatCount(pages.count) });
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      data-testid={testId}
      data-count={loading ? undefined : pages.count}
      data-capped={loading ? undefined : String(pages.countCapped)}
      sx={{ whiteSpace: 'nowrap', minWidth: 72 }}
      aria-live="polite"
    >
      {text}
    </Typography>
  );
}
