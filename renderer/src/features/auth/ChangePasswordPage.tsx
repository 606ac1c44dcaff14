import { useState, type FormEvent } from 'react';
import { Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { PasswordField } from './PasswordField';
import { checkConfirmation, checkNewPassword, checkRequired } from './validation';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/** Shown before anything else while the user still has the initial password the administrator set. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const change = useAction('auth.changePassword');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attempted, setAttempted] = useState(false);

  const errors = {
    current: checkRequired(current, 'validation.passwordRequired'),
    next: checkNewPassword(next),
    confirmation: checkConfirmation(next, confirmation),
  };
  const shown = (key: keyof typeof errors) => (attempted && errors[key] ? t(errors[key]) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(errors).some(Boolean)) return;
    const result = await change.run({ currentPassword: current, newPassword: next });
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
            error={Boolean(shown('current'))}
            helperText={shown('current')}
          />
          <PasswordField
            testId="change-password-new"
            label={t('auth.changePassword.new')}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
            error={Boolean(shown('next'))}
            helperText={shown('next') ?? t('auth.setup.passwordHelp')}
          />
          <PasswordField
            testId="change-password-confirm"
            label={t('auth.changePassword.confirm')}
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            autoComplete="new-password"
            error={Boolean(shown('confirmation'))}
            helperText={shown('confirmation')}
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
