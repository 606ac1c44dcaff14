import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { AppMark } from '../shell/AppMark';

interface Props {
  title: string;
  /** An icon before the title (the lock screen's padlock). */
  icon?: ReactNode;
  /** The title's id, for a dialog's `aria-labelledby`. */
  titleId?: string;
  lead?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** The frame of the screens outside the application: setup, login, change password, and the lock screen. */
export function AuthFrame({ title, icon, titleId, lead, children, width = 420 }: Props) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box sx={{ height: 4, bgcolor: 'primary.main' }} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', px: 2, py: 1 }}>
        <LanguageSwitch />
      </Stack>
      <Box sx={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', pt: { xs: 2, md: 8 }, px: 2 }}>
        <Stack spacing={3} sx={{ width: '100%', maxWidth: width, alignItems: 'stretch' }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', justifyContent: 'center' }}>
            <AppMark size={40} />
            <Box>
              <Typography variant="h5" component="p" sx={{ fontWeight: 700, letterSpacing: 2, lineHeight: 1.2 }}>
                {t('app.name')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('app.subtitle')}
              </Typography>
            </Box>
          </Stack>
          <Paper variant="outlined" sx={{ p: 3.5 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: lead ? 1 : 2.5 }}>
              {icon}
              <Typography id={titleId} variant="h6" component="h1">
                {title}
              </Typography>
            </Stack>
            {lead ? (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2.5 }}>
                {lead}
              </Typography>
            ) : null}
            {children}
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
            {t('shell.offline')}
          </Typography>
        </Stack>
      </Box>
    </Box>
  );
}
