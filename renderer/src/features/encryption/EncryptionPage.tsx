import { useState } from 'react';
import { Alert, Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { Job } from '../../../../shared/contract';
import { useAction, useQuery } from '../../lib/useApi';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { SectionPanel } from '../../components/SectionPanel';
import { SetUpPanel } from './SetUpPanel';
import { useEncryptionT } from './i18n';

/**
 * 系统管理 → 数据加密: the state (未加密 / 加密中 n/m / 已加密), set-up when not encrypted, the
 * sealing job's progress (继续加密 after a cancel), the key id and who set it up, the
 * administrators who can unlock, and what is not offered (a new recovery key, decrypting).
 */
export function EncryptionPage() {
  const et = useEncryptionT();
  const status = useQuery('encryption.status', {});
  const resume = useAction('encryption.resume');
  const [job, setJob] = useState<Job | null>(null);
  const data = status.data;
  const [ended, setEnded] = useState(false);
  // The job started here stays shown when it ends (how it ended); one found running is shown while it runs.
  const running = job ?? (data?.sealJob?.status === 'running' ? data.sealJob : null);
  const offerResume = data?.state === 'encrypting' && data.sealJob?.status !== 'running' && (job === null || ended);

  const goOn = async () => {
    const started = await resume.run({});
    if (started) {
      setEnded(false);
      setJob(started);
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }} data-testid="encryption-page">
      <SectionPanel title={et('title')} lead={et('lead')}>
        <ApiErrorAlert error={status.error} />
        {data ? (
          <Stack spacing={0.5}>
            <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid="encryption-state" data-state={data.state}>
              {et('stateLine', { state: et(`state.${data.state}`) })}
              {data.state === 'encrypting' && data.sealJob && data.sealJob.total > 0 ? ` ${data.sealJob.done} / ${data.sealJob.total}` : ''}
            </Typography>
            {data.keyId ? <Typography variant="body2" color="text.secondary">{et('keyId', { id: data.keyId })}</Typography> : null}
            {data.createdBy && data.createdAt ? <Typography variant="body2" color="text.secondary">{et('createdBy', { name: data.createdBy, at: formatDateTime(data.createdAt) })}</Typography> : null}
          </Stack>
        ) : null}
      </SectionPanel>

      {data?.state === 'plain' && !running ? <SetUpPanel
          onStarted={(started) => {
            setJob(started);
            status.reload();
          }}
        /> : null}

      {running ? (
        <SectionPanel title={et('sealing')}>
          <JobProgress
            key={running.id}
            jobId={running.id}
            onFinished={() => {
              setEnded(true);
              status.reload();
            }}
          />
        </SectionPanel>
      ) : null}

      {offerResume ? (
        <SectionPanel title={et('resume')} lead={et('resumeLead')}>
          <ApiErrorAlert error={resume.error} />
          <Box>
            <Button variant="contained" onClick={() => void goOn()} disabled={resume.busy} data-testid="encryption-resume">
              {et('resume')}
            </Button>
          </Box>
        </SectionPanel>
      ) : null}

      {data && (data.state === 'encrypted' || data.state === 'encrypting') ? (
        <>
          {data.state === 'encrypted' ? <Alert severity="success" data-testid="encryption-done">{et('done')}</Alert> : null}
          <SectionPanel title={et('unlockers')} lead={et('unlockersHint')}>
            {data.unlockers.length === 0 ? <Typography variant="body2">{et('noUnlockers')}</Typography> : null}
            <List dense data-testid="encryption-unlockers">
              {data.unlockers.map((u) => (
                <ListItem key={u.username} disableGutters>
                  <ListItemText primary={u.username} secondary={formatDateTime(u.addedAt)} />
                </ListItem>
              ))}
            </List>
          </SectionPanel>
          <Alert severity="info">{et('noRecoveryKeyChange')}</Alert>
          <Alert severity="info">{et('noDecrypt')}</Alert>
        </>
      ) : null}
    </Stack>
  );
}
