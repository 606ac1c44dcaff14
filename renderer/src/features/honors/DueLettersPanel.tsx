import { Box, Button, Paper, Typography } from '@mui/material';
import type { LetterRow } from '../../../../shared/contract';
import { hrefOf } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useQuery } from '../../lib/useApi';
import { useHonorsT } from './i18n';
import { DeadlineChip, LetterStatusChip } from './LetterChips';

/** The home page's panel: good-news letters overdue and due within a few working days, most urgent first. */
export function DueLettersPanel() {
  const ht = useHonorsT();
  const due = useQuery('letters.due', { limit: 20 });
  const d = due.data;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid="home-due-letters">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 0.5 }}>
        <Typography variant="h6" component="h2">
          {ht('home.dueTitle')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button size="small" href={hrefOf('/honors/letters')}>
          {ht('home.allLetters')}
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {ht('home.dueLead', { days: d?.soonDays ?? 3 })}
      </Typography>
      <ApiErrorAlert error={due.error} />
      {d && d.overdueCount === 0 && d.dueSoonCount === 0 ? (
        <Typography color="text.secondary" data-testid="home-due-none">
          {ht('home.none')}
        </Typography>
      ) : null}
      {d && d.overdueCount > 0 ? <Group title={ht('home.overdue', { count: d.overdueCount })} rows={d.overdue} total={d.overdueCount} testId="home-overdue" tone="error.main" /> : null}
      {d && d.dueSoonCount > 0 ? <Group title={ht('home.dueSoon', { count: d.dueSoonCount })} rows={d.dueSoon} total={d.dueSoonCount} testId="home-due-soon" tone="warning.dark" /> : null}
    </Paper>
  );
}

function Group({ title, rows, total, testId, tone }: { title: string; rows: LetterRow[]; total: number; testId: string; tone: string }) {
  const ht = useHonorsT();
  return (
    <Box sx={{ mb: 1.5 }} data-testid={testId}>
      <Typography variant="subtitle2" sx={{ color: tone, mb: 0.5 }}>
        {title}
      </Typography>
      {rows.map((r) => (
        <Box key={r.id} component="a" href={hrefOf(`/honors/letters/${r.id}`)} data-testid={`home-letter-${r.id}`} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.75, px: 1, borderRadius: 1, color: 'inherit', textDecoration: 'none', '&:hover': { bgcolor: 'action.hover' } }}>
          <Box sx={{ width: 90, fontWeight: 600 }}>{r.recipientName}</Box>
          <Box sx={{ width: 80 }}>{r.className}</Box>
          <Box sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'text.secondary', fontSize: 14 }}>
            {r.familyName} {r.familyAddress}
          </Box>
          <Box sx={{ width: 100, fontSize: 14 }}>{r.dueOn}</Box>
          <LetterStatusChip status={r.status} />
          <DeadlineChip row={r} />
        </Box>
      ))}
      {total > rows.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 1 }}>
          {ht('home.more', { count: total - rows.length })}
        </Typography>
      ) : null}
    </Box>
  );
}
