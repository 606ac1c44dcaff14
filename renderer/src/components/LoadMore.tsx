import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * Under a list read by keyset pages: how many rows are shown of how many the filter holds, and
 * "加载更多" while there are more. Enter or a click loads the next page.
 */
export function LoadMore({ shown, count, hasMore, busy, onMore, testId }: { shown: number; count: number; hasMore: boolean; busy: boolean; onMore: () => void; testId: string }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexShrink: 0 }}>
      <Typography variant="body2" color="text.secondary" data-testid={`${testId}-shown`}>
        {t('common.shownOf', { shown, count })}
      </Typography>
      {hasMore ? (
        <Button size="small" variant="outlined" disabled={busy} onClick={onMore} data-testid={`${testId}-more`}>
          {busy ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      ) : null}
    </Box>
  );
}
