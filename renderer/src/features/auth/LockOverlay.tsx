import { useRef, useState, type FormEvent } from 'react';
import { Box, Button, Dialog, Paper, Stack, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { useSession } from './SessionProvider';
import { useAction } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LanguageSwitch } from '../shell/LanguageSwitch';

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
    <Box sx={{ minHeight: '100%', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ height: 4, bgcolor: 'primary.main' }} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', px: 2, py: 1 }}>
        <LanguageSwitch />
      </Stack>
      <Box sx={{ flex: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', pt: { xs: 2, md: 14 }, px: 2 }}>
        <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 400 }}>
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <LockIcon color="primary" />
                <Typography id="lock-title" variant="h6" component="h1">
                  {t('auth.lock.title')}
                </Typography>
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {name ? t('auth.lock.lead', { name }) : t('auth.lock.leadUnknown')}
              </Typography>
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
        </Paper>
      </Box>
    </Box>
  );
}
