import { useEffect, useState } from 'react';
import { Box, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RecoveryProgress as Progress } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { formatBytes, formatCount } from '../../lib/format';
import { useBackupT } from './i18n';

/**
 * The progress of a restore from the recovery screen: the backend's `recovery.progress` events
 * (that restore runs before sign-in, not as a job) — the phase, files and bytes verified, as the
 * administrator's restore shows them. Shown while `active` (the restore call is under way).
 */
export function RecoveryProgress({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const tb = useBackupT();
  const client = useClient();
  const [progress, setProgress] = useState<Progress | null>(null);

  // Listening from the start, not from the click: the web host's event stream takes a moment to
  // connect, and a small backup is restored in less.
  useEffect(
    () =>
      client.on((event) => {
        if (event.name === 'recovery.progress') setProgress(event.payload);
      }),
    [client],
  );
  // A new restore starts from nothing (an earlier one may have failed halfway).
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setProgress(null);
  }
  if (!active) return null;

  const percent = progress && progress.bytes.total > 0 ? Math.min(100, (progress.bytes.done / progress.bytes.total) * 100) : 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="recovery-progress" data-phase={progress?.phase ?? 'starting'} aria-live="polite">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{tb('recovery.restoring')}</Typography>
        <Chip size="small" label={progress?.phase === 'replacing' ? tb('recovery.phaseReplacing') : tb('recovery.phaseChecking')} />
        <Box sx={{ flex: 1 }} />
        {progress ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="recovery-progress-counts">
              {t('job.counts', { done: formatCount(progress.done), total: formatCount(progress.total) })}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="recovery-progress-bytes">
              {t('job.bytes', { done: formatBytes(progress.bytes.done), total: formatBytes(progress.bytes.total) })}
            </Typography>
          </>
        ) : null}
      </Stack>
      <LinearProgress variant={progress ? 'determinate' : 'indeterminate'} value={percent} sx={{ height: 6, borderRadius: 3 }} />
    </Paper>
  );
}
