import { useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, Stack } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { AuthFrame } from './AuthFrame';

/**
 * The lock screen: an opaque full-screen modal over the page, which stays mounted underneath so
 * unsaved input survives. Being the topmost modal, it also takes the focus from any open dialog.
 */
export function LockOverlay({ open }: { open: boolean }) {
  return (
    <Dialog open={open} fullScreen transitionDuration={{ enter: 150, exit: 0 }} aria-labelledby="lock-title" sx={{ zIndex: (theme) => theme.zIndex.modal + 100 }}>
      {open ? <UnlockForm /> : null}
    </Dialog>
  );
}

function UnlockForm() {
  const { t } = useTranslation();
  const session = useSession();
  const unlock = useAction('auth.unlock');
  const [password, setPassword] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return;
    const result = await unlock.run({ password });
    if (result) {
      session.apply(result);
      return;
    }
    setPassword('');
    inputRef.current?.focus();
  };

  const name = session.user?.displayName;
  return (
    <AuthFrame
      title={t('auth.lock.title')}
      titleId="lock-title"
      icon={<LockIcon color="primary" />}
      lead={name ? t('auth.lock.lead', { name }) : t('auth.lock.leadUnknown')}
      width={400}
    >
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <PasswordField
            testId="unlock-password"
            inputRef={inputRef}
            label={t('auth.lock.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            autoComplete="current-password"
          />
          <ApiErrorAlert error={unlock.error} />
          <Button type="submit" variant="contained" size="large" disabled={unlock.busy} data-testid="unlock-submit">
            {t('auth.lock.submit')}
          </Button>
          <Button color="inherit" onClick={() => void session.logout()}>
            {t('auth.lock.logoutInstead')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
