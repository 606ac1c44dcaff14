/**
 * 数据完整性 — the integrity panel of 系统管理: the last full check and what it found, "check now"
 * with its progress and cancel, and the attachment problems with the records that use each file.
 */
import { useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import type { IntegrityCheck } from '../../../../../shared/contract';
import { useAction, useQuery } from '../../../lib/useApi';
import { formatBytes, formatCount, formatDateTime } from '../../../lib/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { Section } from '../divisions/Section';
import { useIntegrityT } from './i18n';
import { ProblemList } from './ProblemList';

export function IntegrityPage() {
  const it = useIntegrityT();
  const status = useQuery('integrity.status', {});
  const start = useAction('integrity.check');
  const [startedJobId, setStartedJobId] = useState<number | null>(null);
  const last = status.data?.last ?? null;
  const jobId = startedJobId ?? status.data?.runningJobId ?? null;

  const checkNow = async () => {
    const started = await start.run({});
    if (started) setStartedJobId(started.jobId);
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }} data-testid="page-integrity">
      <Section title={it('title')} lead={it('lead')} testId="integrity-panel">
        <ApiErrorAlert error={status.error} />
        {status.data ? <LastCheck last={last} dueAt={status.data.dueAt} /> : null}
        <Box>
          <Button variant="contained" startIcon={<FactCheckIcon />} onClick={() => void checkNow()} disabled={start.busy} data-testid="integrity-check-now">
            {it('checkNow')}
          </Button>
        </Box>
        <ApiErrorAlert error={start.error} />
        {jobId !== null ? <JobProgress key={jobId} jobId={jobId} onFinished={() => status.reload()} /> : null}
        {last ? <Findings last={last} /> : null}
      </Section>
    </Stack>
  );
}

function LastCheck({ last, dueAt }: { last: IntegrityCheck | null; dueAt: string }) {
  const it = useIntegrityT();
  if (!last) {
    return (
      <Box data-testid="integrity-last" data-outcome="none">
        <Typography variant="body2">{it('never')}</Typography>
        <Typography variant="body2" color="text.secondary">{it('nextDue', { at: formatDateTime(dueAt) })}</Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="integrity-last" data-outcome={last.outcome}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>{it('lastAt', { at: formatDateTime(last.finishedAt) })}</Typography>
        <Chip size="small" color={last.outcome === 'ok' ? 'success' : 'error'} label={it(`outcome.${last.outcome}`)} data-testid="integrity-outcome" />
        <Typography variant="body2" color="text.secondary">
          {last.trigger === 'scheduled' ? it('trigger.scheduled') : it('trigger.manual', { name: last.startedBy })}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {it('summary', { seconds: (last.durationMs / 1000).toFixed(1), files: formatCount(last.filesChecked), size: formatBytes(last.bytesChecked), audit: formatCount(last.audit.checked) })}
      </Typography>
      <Typography variant="body2" color="text.secondary">{it('nextDue', { at: formatDateTime(dueAt) })}</Typography>
    </Box>
  );
}

/** What the last check found: damaged pages, a broken audit chain, the attachment problems. */
function Findings({ last }: { last: IntegrityCheck }) {
  const it = useIntegrityT();
  const problems = useQuery('integrity.problems', { checkId: last.id, limit: 500 });
  return (
    <Stack spacing={1.5}>
      {last.databaseMessages.length > 0 ? (
        <Alert severity="error" data-testid="integrity-database">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{it('databaseProblems')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5, fontFamily: 'monospace', fontSize: 12, maxHeight: 160, overflow: 'auto' }}>
            {last.databaseMessages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </Box>
          <Typography variant="body2">{it('databaseHint')}</Typography>
        </Alert>
      ) : null}
      {!last.audit.ok ? (
        <Alert severity="error" data-testid="integrity-audit">
          {last.audit.firstBadId !== null ? it('auditProblem', { id: last.audit.firstBadId, reason: last.audit.reason ?? '' }) : it('auditUnreadable', { reason: last.audit.reason ?? '' })}
        </Alert>
      ) : null}
      <ApiErrorAlert error={problems.error} />
      {problems.data ? <ProblemList problems={problems.data.problems} total={problems.data.total} /> : null}
    </Stack>
  );
}
