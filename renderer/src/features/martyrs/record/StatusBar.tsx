/**
 * The record's header: back to the list, the name, its status, who changed it last, and the actions
 * the role allows on it (提交审核, 审核通过, 退回, 删除 / 恢复, 历史, 打印登记表; in the review queue, 下一条).
 */
import type { ReactNode } from 'react';
import { Box, Button, Divider, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import HistoryIcon from '@mui/icons-material/History';
import SendIcon from '@mui/icons-material/SendOutlined';
import CheckIcon from '@mui/icons-material/TaskAltOutlined';
import UndoIcon from '@mui/icons-material/ReplyOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import RestoreIcon from '@mui/icons-material/RestoreFromTrashOutlined';
import NextIcon from '@mui/icons-material/SkipNextOutlined';
import MergeIcon from '@mui/icons-material/MergeType';
import type { Martyr } from '../../../../../shared/contract';
import { useMartyrsT } from '../i18n';
import { StatusChip } from '../StatusChip';

interface Props {
  record: Martyr | null;
  title: string;
  dirty: boolean;
  busy: boolean;
  review: boolean;
  queueText: string | null;
  meta: string | null;
  onBack: () => void;
  onHistory: () => void;
  onSubmit?: () => void;
  onVerify?: () => void;
  onReturn?: () => void;
  onDelete?: () => void;
  onRestore?: () => void;
  onNext?: () => void;
  /** Shown when records that may be the same person exist. */
  onMerge?: () => void;
  /** The record's print button (打印登记表), beside its history. */
  print?: ReactNode;
}

export function StatusBar({ record, title, busy, review, queueText, meta, onBack, onHistory, onSubmit, onVerify, onReturn, onDelete, onRestore, onNext, onMerge, print }: Props) {
  const mt = useMartyrsT();
  return (
    <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, flexShrink: 0, minHeight: 44 }} data-testid="martyr-status-bar">
      <Tooltip title={review ? mt('review.backToQueue') : mt('form.backHint')}>
        <IconButton onClick={onBack} aria-label={review ? mt('review.backToQueue') : mt('form.back')} data-testid="martyr-back" size="small">
          <ArrowBackIcon />
        </IconButton>
      </Tooltip>
      <Typography variant="h6" component="h1" noWrap sx={{ maxWidth: 280, fontSize: '1.25rem' }} data-testid="martyr-title">
        {title}
      </Typography>
      {record ? <StatusChip status={record.status} testId="martyr-status" size="medium" /> : null}
      {meta ? (
        <Typography variant="caption" color="text.secondary" noWrap sx={{ minWidth: 0, flexShrink: 1 }}>
          {meta}
        </Typography>
      ) : null}
      <Box sx={{ flex: 1 }} />
      {queueText ? (
        <Typography variant="body2" color="text.secondary" data-testid="review-position">
          {queueText}
        </Typography>
      ) : null}
      {onNext ? (
        <Tooltip title={mt('review.nextHint')}>
          <span>
            <Button size="small" startIcon={<NextIcon />} onClick={onNext} disabled={busy} data-testid="review-next">
              {mt('review.next')}
            </Button>
          </span>
        </Tooltip>
      ) : null}
      {record ? (
        <>
          {queueText ? <Divider orientation="vertical" flexItem /> : null}
          <Tooltip title={mt('record.historyHint')}>
            <Button size="small" startIcon={<HistoryIcon />} onClick={onHistory} data-testid="martyr-history" color="inherit">
              {mt('record.history')}
            </Button>
          </Tooltip>
          {print}
          {onMerge ? (
            <Tooltip title={mt('merge.openHint')}>
              <span>
                <Button size="small" variant="outlined" color="warning" startIcon={<MergeIcon />} onClick={onMerge} disabled={busy} data-testid="merge-open">
                  {mt('merge.open')}
                </Button>
              </span>
            </Tooltip>
          ) : null}
          {onSubmit ? (
            <Button size="small" variant="outlined" startIcon={<SendIcon />} onClick={onSubmit} disabled={busy} data-testid="martyr-submit">
              {mt('record.submit')}
            </Button>
          ) : null}
          {onReturn ? (
            <Tooltip title={mt('record.returnHint')}>
              <span>
                <Button size="small" variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={onReturn} disabled={busy} data-testid="martyr-return">
                  {mt('record.return')}
                </Button>
              </span>
            </Tooltip>
          ) : null}
          {onVerify ? (
            <Tooltip title={mt('record.verifyHint')}>
              <span>
                <Button size="small" variant="contained" color="success" startIcon={<CheckIcon />} onClick={onVerify} disabled={busy} data-testid="martyr-verify">
                  {mt('record.verify')}
                </Button>
              </span>
            </Tooltip>
          ) : null}
          {onRestore ? (
            <Button size="small" variant="contained" startIcon={<RestoreIcon />} onClick={onRestore} disabled={busy} data-testid="martyr-restore">
              {mt('record.restore')}
            </Button>
          ) : null}
          {onDelete ? (
            <Tooltip title={mt('record.deleteTitle')}>
              <span>
                <IconButton size="small" onClick={onDelete} disabled={busy} aria-label={mt('record.delete')} data-testid="martyr-delete">
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
