import { useRef, useState, type FormEvent } from 'react';
import { Button, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { PasswordField } from './PasswordField';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RestoreNotice } from '../backup/RestoreNotice';

/** Sign-in: user name and password; Enter submits; the backend's message explains a refusal; after a restore, what happened. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useAction('auth.login');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const missingUser = attempted && username.trim() === '';
  const missingPassword = attempted && password === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (username.trim() === '' || password === '') return;
    const result = await login.run({ username: username.trim(), password });
    if (result) session.apply(result);
    else {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <AuthFrame title={t('auth.login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <RestoreNotice />
          <TextField
            label={t('auth.login.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
            autoComplete="username"
            error={missingUser}
            helperText={missingUser ? t('validation.usernameRequired') : null}
            slotProps={{ htmlInput: { 'data-testid': 'login-username', maxLength: 64 } }}
          />
          <PasswordField
            testId="login-password"
            inputRef={passwordRef}
            label={t('auth.login.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            error={missingPassword}
            helperText={missingPassword ? t('validation.passwordRequired') : null}
          />
          <ApiErrorAlert error={login.error} />
          <Button type="submit" variant="contained" size="large" disabled={login.busy} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
