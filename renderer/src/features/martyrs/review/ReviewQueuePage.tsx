/**
 * 审核: the records waiting for review, oldest first. Enter (or a click) opens one in review mode
 * (Alt+V verifies, Alt+R returns, and the next one opens by itself).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import PlayIcon from '@mui/icons-material/PlayArrowOutlined';
import type { MartyrRow } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useMartyrsT } from '../i18n';
import { clearFlash, peekFlash } from '../record/drafts';
import { useUser } from '../../auth/SessionProvider';
import { CountText } from '../list/CountText';
import { PAGE_SIZE } from '../list/keysetPages';
import { RollTable } from '../list/RollTable';
import { useKeysetList } from '../list/useKeysetList';
import { useListKeys } from '../list/useListKeys';

export function ReviewQueuePage() {
  const mt = useMartyrsT();
  const client = useClient();
  const fetchPage = useCallback((after: string | undefined) => client.call('martyrs.reviewQueue', { limit: PAGE_SIZE, after }), [client]);
  const list = useKeysetList<MartyrRow>('queue', fetchPage);
  const listRef = useRef<HTMLDivElement | null>(null);
  const open = (row: MartyrRow) => navigate(`/martyrs/review/${row.id}`);
  const { selected, setSelected, reveal } = useListKeys(list, listRef, open);
  const user = useUser();
  const [flash] = useState(() => peekFlash(user.id));
  useEffect(() => clearFlash(), []);

  useEffect(() => {
    listRef.current?.focus();
  }, []);

  if (list.error?.code === 'FORBIDDEN') return <ForbiddenPage error={list.error} />;
  const first = list.pages.row(0);
  return (
    <Stack spacing={1.25} sx={{ flex: 1, minHeight: 0 }} data-testid="review-queue">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {mt('review.title')}
        </Typography>
        <CountText pages={list.pages} loading={!list.pages.started} testId="review-count" />
        <Stack sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<PlayIcon />} disabled={!first} onClick={() => first && open(first)} data-testid="review-start">
          {mt('review.open')}
        </Button>
      </Stack>
      {flash ? (
        <Alert severity="success" data-testid="review-done">
          {flash}
        </Alert>
      ) : null}
      <ApiErrorAlert error={list.error} />
      <RollTable
        list={list}
        selectedIndex={selected}
        revealKey={reveal}
        onSelect={setSelected}
        onOpen={open}
        testId="review-list"
        label={mt('review.title')}
        emptyText={mt('review.empty')}
        containerRef={listRef}
      />
    </Stack>
  );
}
