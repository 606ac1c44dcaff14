import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../auth/AuthFrame';
import { PasswordField } from '../auth/PasswordField';
import { useSession } from '../auth/SessionProvider';
import { useAction, useQuery } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { MONO_STACK } from '../../app/theme';
import { useEncryptionT } from './i18n';

/**
 * Before sign-in, when the data is encrypted and not unlocked yet (electron/core/encryption/):
 * an administrator's user name and password (then the app, signed in as them), or — behind a
 * switch — the recovery key (then the sign-in page). Keyboard first: the focus starts in the first
 * field and Enter submits; the backend's message explains a refusal, in Chinese or English.
 */
export function UnlockPage() {
  const et = useEncryptionT();
  const { t } = useTranslation();
  const session = useSession();
  const status = useQuery('encryption.status', {});
  const unlock = useAction('encryption.unlock');
  const [useRecovery, setUseRecovery] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [attempted, setAttempted] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const damaged = status.data?.keyFileDamaged ?? false;
  const recovery = useRecovery || damaged;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const input = recovery ? { recoveryKey: recoveryKey.trim() } : { username: username.trim(), password };
    if (recovery ? recoveryKey.trim() === '' : username.trim() === '' || password === '') return;
    const result = await unlock.run(input);
    if (!result) {
      // The backend's message says what was wrong; the emptied field is not a second error.
      setAttempted(false);
      if (!recovery) setPassword('');
      secretRef.current?.focus();
      return;
    }
    // Signed in by the password; the recovery key leads to the sign-in page (or the recovery screen if the database is damaged).
    if (result.session.user) session.apply(result.session);
    else session.retry();
  };

  const missing = (value: string) => attempted && value.trim() === '';
  return (
    <AuthFrame title={et('unlock.title')} icon={<LockIcon color="primary" />} lead={et('unlock.lead')} width={460}>
      <form onSubmit={submit} noValidate data-testid="unlock-page">
        <Stack spacing={2}>
          {damaged ? <Alert severity="warning">{et('unlock.keyFileDamaged')}</Alert> : null}
          {recovery ? (
            <TextField
              key="recovery"
              label={et('unlock.recoveryKey')}
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              autoFocus
              inputRef={secretRef}
              autoComplete="off"
              error={missing(recoveryKey)}
              helperText={et('unlock.recoveryHint')}
              slotProps={{ htmlInput: { 'data-testid': 'unlock-recovery-key', maxLength: 120, spellCheck: false, style: { fontFamily: MONO_STACK, letterSpacing: 1 } } }}
            />
          ) : (
            <>
              <TextField
                key="username"
                label={et('unlock.username')}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoFocus
                autoComplete="username"
                error={missing(username)}
                helperText={missing(username) ? t('validation.usernameRequired') : null}
                slotProps={{ htmlInput: { 'data-testid': 'unlock-username', maxLength: 64 } }}
              />
              <PasswordField
                testId="unlock-password"
                inputRef={secretRef}
                label={et('unlock.password')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                error={attempted && password === ''}
                helperText={attempted && password === '' ? t('validation.passwordRequired') : null}
              />
            </>
          )}
          {damaged ? null : (
            <FormControlLabel
              control={<Switch checked={useRecovery} onChange={(e) => { setUseRecovery(e.target.checked); setAttempted(false); unlock.clearError(); }} slotProps={{ input: { 'data-testid': 'unlock-use-recovery' } as object }} />}
              label={et('unlock.useRecoveryKey')}
            />
          )}
          <ApiErrorAlert error={unlock.error ?? status.error} />
          <Button type="submit" variant="contained" size="large" disabled={unlock.busy} data-testid="unlock-submit">
            {et('unlock.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
