import { useMemo } from 'react';
import { Box, Button, CircularProgress, CssBaseline, Stack, Typography } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { Client } from './client';
import { ClientProvider } from './app/clientContext';
import { createAppTheme } from './app/theme';
import { DateLocalization } from './app/DateLocalization';
import { useLang } from './i18n';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ApiErrorAlert } from './components/ApiErrorAlert';
import { SessionProvider, useSession } from './features/auth/SessionProvider';
import { SetupPage } from './features/auth/SetupPage';
import { LoginPage } from './features/auth/LoginPage';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { LockOverlay } from './features/auth/LockOverlay';
import { AppShell } from './features/shell/AppShell';
import { RecoveryPage } from './features/backup/RecoveryPage';
import { UnlockPage } from './features/encryption/UnlockPage';

/** Theme, locale and date locale (Chinese or English), the backend client, the session, then the screen for the stage. */
export function App({ client }: { client: Client }) {
  const { lang } = useLang();
  const theme = useMemo(() => createAppTheme(lang), [lang]);
  return (
    <ThemeProvider theme={theme}>
      <DateLocalization lang={lang}>
        <CssBaseline />
        <ErrorBoundary>
          <ClientProvider client={client}>
            <SessionProvider>
              <Screens />
            </SessionProvider>
          </ClientProvider>
        </ErrorBoundary>
      </DateLocalization>
    </ThemeProvider>
  );
}

function Screens() {
  const session = useSession();
  switch (session.stage) {
    case 'loading':
      return <Loading />;
    case 'unreachable':
      return <Unreachable />;
    case 'unlock':
      return <UnlockPage />;
    case 'recovery':
      return <RecoveryPage />;
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    case 'signedIn':
      return (
        <>
          {session.user?.mustChangePassword ? <ChangePasswordPage /> : session.user ? <AppShell /> : null}
          <LockOverlay open={session.locked} />
        </>
      );
  }
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Stack spacing={2} sx={{ alignItems: 'center' }}>
        <CircularProgress size={28} />
        <Typography color="text.secondary">{t('app.loading')}</Typography>
      </Stack>
    </Box>
  );
}

function Unreachable() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Stack spacing={2} sx={{ maxWidth: 480, width: '100%' }}>
        <Typography variant="h6">{t('app.unreachable')}</Typography>
        <ApiErrorAlert error={session.error} />
        <Box>
          <Button variant="contained" onClick={session.retry}>
            {t('common.retry')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
