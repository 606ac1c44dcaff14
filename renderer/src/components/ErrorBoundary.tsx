import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../client';
import { useLang } from '../i18n';

interface State {
  error: unknown;
}

/**
 * Catches render errors below it. An ApiCallError shows its code and the backend's message in
 * the current language; anything else a generic message. Offers a reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <ErrorScreen error={this.state.error} />;
  }
}

function ErrorScreen({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const apiError = error instanceof ApiCallError ? error.error : null;
  return (
    <Box role="alert" sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
      <Stack spacing={2} sx={{ maxWidth: 560, width: '100%' }}>
        <Alert severity="error" variant="outlined">
          <AlertTitle>{t('errors.boundaryTitle')}</AlertTitle>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {apiError ? pick(apiError.message) : t('errors.generic')}
          </Typography>
          {apiError ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {t('errors.code')}: {apiError.code}
            </Typography>
          ) : null}
        </Alert>
        <Box>
          <Button variant="contained" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
