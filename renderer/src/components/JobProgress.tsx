import { useEffect, useRef, useState } from 'react';
import { Alert, AlertTitle, Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../shared/contract';
import { useClient } from '../app/clientContext';
import { useLang } from '../i18n';
import { useAction } from '../lib/useApi';
import { formatBytes, formatCount } from '../lib/format';
import { ApiErrorAlert } from './ApiErrorAlert';
import { isFinished, isLoadSummary, newer } from './jobState';

const POLL_MS = 1000;

/**
 * The progress of one long job: listens to `job.progress` events and polls `jobs.get` every
 * second as a fallback; shows the phase, "done / total" (and the bytes, for work through files),
 * a Cancel button, and how it ended.
 */
export function JobProgress({ jobId, onFinished }: { jobId: number; onFinished?: (job: Job) => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const client = useClient();
  const cancel = useAction('jobs.cancel');
  const [job, setJob] = useState<Job | null>(null);
  const finished = isFinished(job);

  useEffect(
    () =>
      client.on((event) => {
        if (event.name === 'job.progress' && event.payload.id === jobId) setJob((previous) => newer(previous, event.payload));
      }),
    [client, jobId],
  );

  useEffect(() => {
    if (finished) return;
    let live = true;
    const poll = () =>
      void client.call('jobs.get', { id: jobId }).then((result) => {
        if (live && result.ok) setJob((previous) => newer(previous, result.value));
      });
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client, jobId, finished]);

  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);
  const reported = useRef<number | null>(null);
  useEffect(() => {
    if (job && isFinished(job) && reported.current !== job.id) {
      reported.current = job.id;
      onFinishedRef.current?.(job);
    }
  }, [job]);

  const phases = t('job.phases', { returnObjects: true }) as Record<string, string>;
  const phase = job ? (phases[job.phase] ?? job.phase) : phases.queued;
  const percent = job && job.total > 0 ? Math.min(100, (job.done / job.total) * 100) : 0;
  const status = job?.status ?? 'running';

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="job-progress" data-status={status} aria-live="polite">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2">{t('job.title', { id: jobId })}</Typography>
        {status === 'running' ? <Chip size="small" label={phase} /> : null}
        <Box sx={{ flex: 1 }} />
        {job && job.total > 0 && (status === 'running' || status === 'done') ? (
          <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="job-counts">
            {t('job.counts', { done: formatCount(job.done), total: formatCount(job.total) })}
          </Typography>
        ) : null}
        {job?.bytes && status === 'running' ? (
          <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="job-bytes">
            {t('job.bytes', { done: formatBytes(job.bytes.done), total: formatBytes(job.bytes.total) })}
          </Typography>
        ) : null}
        {status === 'running' ? (
          <Button
            size="small"
            color="inherit"
            variant="outlined"
            disabled={cancel.busy || !job}
            onClick={() => void cancel.run({ id: jobId }).then((j) => j && setJob((p) => newer(p, j)))}
            data-testid="job-cancel"
          >
            {t('job.cancel')}
          </Button>
        ) : null}
      </Stack>
      {status === 'running' ? (
        <LinearProgress variant={job && job.total > 0 ? 'determinate' : 'indeterminate'} value={percent} sx={{ height: 6, borderRadius: 3 }} />
      ) : null}
      {job?.status === 'done' ? (
        <Alert severity="success" data-testid="job-done">
          {isLoadSummary(job.result)
            ? t('job.doneSummary', { total: formatCount(job.result.total), inserted: formatCount(job.result.inserted), unchanged: formatCount(job.result.unchanged) })
            : t('job.done')}
        </Alert>
      ) : null}
      {job?.status === 'failed' ? (
        <Alert severity="error" data-testid="job-failed">
          <AlertTitle>{t('job.failed')}</AlertTitle>
          <Box component="div" sx={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
            {job.error ? pick(job.error.message) : null}
          </Box>
        </Alert>
      ) : null}
      {job?.status === 'cancelled' ? (
        <Alert severity="warning" data-testid="job-cancelled">
          {t('job.cancelled')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={cancel.error} sx={{ mt: 1 }} />
    </Paper>
  );
}
