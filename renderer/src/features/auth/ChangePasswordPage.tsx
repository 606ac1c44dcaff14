import { useState, type FormEvent } from 'react';
import { Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { PasswordField } from './PasswordField';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { checkRequired } from './validation';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/** Shown before anything else while the user still has the initial password the administrator set. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const change = useAction('auth.changePassword');
  const [current, setCurrent] = useState('');
  const next = useNewPassword({ confirm: true });
  const [attempted, setAttempted] = useState(false);
  const currentProblem = checkRequired(current, 'validation.passwordRequired');
  const currentShown = attempted && currentProblem ? t(currentProblem) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (currentProblem || !next.valid) return;
    const result = await change.run({ currentPassword: current, newPassword: next.password });
    if (result) await session.refresh();
  };

  return (
    <AuthFrame title={t('auth.changePassword.title')} lead={t('auth.changePassword.leadRequired')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <PasswordField
            testId="change-password-current"
            label={t('auth.changePassword.current')}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoFocus
            autoComplete="current-password"
            error={currentShown !== null}
            helperText={currentShown}
          />
          <NewPasswordFields
            state={next}
            showErrors={attempted}
            label={t('auth.changePassword.new')}
            helperText={t('auth.setup.passwordHelp')}
            testId="change-password-new"
            confirmLabel={t('auth.changePassword.confirm')}
            confirmTestId="change-password-confirm"
          />
          <ApiErrorAlert error={change.error} />
          <Button type="submit" variant="contained" size="large" disabled={change.busy} data-testid="change-password-submit">
            {t('auth.changePassword.submit')}
          </Button>
          <Button onClick={() => void session.logout()} color="inherit">
            {t('auth.changePassword.logoutInstead')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
