import { useState, type FormEvent } from 'react';
import { Button, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { checkDisplayName, checkUsername } from './validation';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/** First start: create the administrator account, then the application opens signed in as it. */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const createAdmin = useAction('setup.createAdmin');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const password = useNewPassword({ confirm: true });
  const [attempted, setAttempted] = useState(false);

  const errors = {
    username: checkUsername(username),
    displayName: checkDisplayName(displayName),
  };
  const shown = (key: keyof typeof errors) => (attempted && errors[key] ? t(errors[key]) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(errors).some(Boolean) || !password.valid) return;
    const result = await createAdmin.run({ username: username.trim(), displayName: displayName.trim(), password: password.password });
    if (result) session.apply(result);
  };

  return (
    <AuthFrame title={t('auth.setup.title')} lead={t('auth.setup.lead')} width={460}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <TextField
            label={t('auth.setup.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
            required
            autoComplete="username"
            error={Boolean(shown('username'))}
            helperText={shown('username') ?? t('auth.setup.usernameHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'setup-username', maxLength: 32 } }}
          />
          <TextField
            label={t('auth.setup.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            required
            autoComplete="name"
            error={Boolean(shown('displayName'))}
            helperText={shown('displayName')}
            slotProps={{ htmlInput: { 'data-testid': 'setup-display-name', maxLength: 50 } }}
          />
          <NewPasswordFields
            state={password}
            showErrors={attempted}
            label={t('auth.setup.password')}
            helperText={t('auth.setup.passwordHelp')}
            testId="setup-password"
            confirmLabel={t('auth.setup.passwordConfirm')}
            confirmTestId="setup-password-confirm"
            required
          />
          <ApiErrorAlert error={createAdmin.error} />
          <Button type="submit" variant="contained" size="large" disabled={createAdmin.busy} data-testid="setup-submit">
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
