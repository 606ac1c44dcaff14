import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { defaultMessages, type ApiError } from '../../../../shared/contract';
import { useLang } from '../../i18n';

/**
 * A page the user's role may not open. Shows the backend's FORBIDDEN message (the one it answered
 * with, or the contract's default one when the role alone already tells).
 */
export function ForbiddenPage({ error }: { error?: ApiError | null }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Box sx={{ maxWidth: 640 }}>
      <Alert severity="warning" variant="outlined" data-testid="forbidden" role="alert">
        <AlertTitle>{t('forbidden.title')}</AlertTitle>
        {pick(error?.message ?? defaultMessages.FORBIDDEN)}
        <Box component="p" sx={{ m: 0, mt: 1, color: 'text.secondary' }}>
          {t('forbidden.hint')}
        </Box>
      </Alert>
    </Box>
  );
}
