import { Button, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PATH, hrefOf } from '../../app/router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 4, maxWidth: 560 }} data-testid="not-found">
      <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
        {t('notFound.title')}
      </Typography>
      <Button variant="outlined" href={hrefOf(DEFAULT_PATH)}>
        {t('notFound.back')}
      </Button>
    </Paper>
  );
}
