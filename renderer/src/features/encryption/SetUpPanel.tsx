import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { Job } from '../../../../shared/contract';
import { useAction } from '../../lib/useApi';
import { downloadBytes } from '../../lib/download';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SectionPanel } from '../../components/SectionPanel';
import { PasswordField } from '../auth/PasswordField';
import { FONT_STACK_EN, MONO_STACK } from '../../app/theme';
import { useEncryptionT } from './i18n';

/**
 * Set-up of encryption, for an installation that is not encrypted: (1) the administrator's own
 * password → the recovery key, shown this once in large groups with the plain warning, savable as
 * a text file; (2) "I have written it down" and its last 4 characters typed back → the database
 * is encrypted (a second or so, the core closed) and the files sealed as a job.
 */
export function SetUpPanel({ onStarted }: { onStarted: (job: Job) => void }) {
  const et = useEncryptionT();
  const prepare = useAction('encryption.prepare');
  const enable = useAction('encryption.enable');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [lastGroup, setLastGroup] = useState('');

  const makeKey = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return;
    const result = await prepare.run({ password });
    if (result) setRecoveryKey(result.recoveryKey);
  };
  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!copied || lastGroup.trim().length < 4) return;
    const job = await enable.run({ password, confirmLastGroup: lastGroup.trim() });
    if (job) onStarted(job);
  };
  const save = () => {
    if (!recoveryKey) return;
    const text = `${et('fileText')}\r\n\r\n${recoveryKey}\r\n\r\n${et('warning')}\r\n${et('warningEn')}\r\n`;
    downloadBytes(et('fileName'), new TextEncoder().encode(text), 'text/plain;charset=utf-8');
  };

  if (!recoveryKey) {
    return (
      <SectionPanel title={et('step1')} lead={et('step1Lead')} testId="encryption-step1">
        <form onSubmit={makeKey} noValidate>
          <Stack spacing={2} sx={{ maxWidth: 420 }}>
            <PasswordField testId="encryption-password" label={et('yourPassword')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
            <ApiErrorAlert error={prepare.error} />
            <Box>
              <Button type="submit" variant="contained" disabled={prepare.busy || password === ''} data-testid="encryption-prepare">
                {et('prepare')}
              </Button>
            </Box>
          </Stack>
        </form>
      </SectionPanel>
    );
  }
  return (
    <SectionPanel title={et('step2')} testId="encryption-step2">
      <Alert severity="warning" data-testid="encryption-warning">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>{et('warning')}</Typography>
        <Typography variant="body2" sx={{ fontFamily: FONT_STACK_EN }}>
          {et('warningEn')}
        </Typography>
      </Alert>
      <Typography variant="subtitle2">{et('recoveryKey')}</Typography>
      <Box
        data-testid="encryption-recovery-key"
        sx={{ fontFamily: MONO_STACK, fontSize: 28, fontWeight: 600, letterSpacing: 2, display: 'grid', gridTemplateColumns: 'repeat(4, max-content)', columnGap: 4, rowGap: 1, p: 2, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default', width: 'fit-content' }}
      >
        {recoveryKey.split('-').map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </Box>
      <Box>
        <Button variant="outlined" onClick={save} data-testid="encryption-save">
          {et('save')}
        </Button>
      </Box>
      <form onSubmit={start} noValidate>
        <Stack spacing={2} sx={{ maxWidth: 420 }}>
          <FormControlLabel control={<Checkbox checked={copied} onChange={(e) => setCopied(e.target.checked)} slotProps={{ input: { 'data-testid': 'encryption-copied' } as object }} />} label={et('copied')} />
          <TextField
            label={et('confirmLastGroup')}
            value={lastGroup}
            onChange={(e) => setLastGroup(e.target.value)}
            disabled={!copied}
            autoComplete="off"
            slotProps={{ htmlInput: { 'data-testid': 'encryption-last-group', maxLength: 8, spellCheck: false, style: { fontFamily: MONO_STACK, letterSpacing: 2 } } }}
          />
          <ApiErrorAlert error={enable.error} />
          {enable.busy ? (
            <Box data-testid="encryption-enabling">
              <Typography variant="body2">{et('enabling')}</Typography>
              <LinearProgress />
            </Box>
          ) : null}
          <Box>
            <Button type="submit" variant="contained" color="warning" disabled={!copied || lastGroup.trim().length < 4 || enable.busy} data-testid="encryption-enable">
              {et('enable')}
            </Button>
          </Box>
        </Stack>
      </form>
    </SectionPanel>
  );
}
