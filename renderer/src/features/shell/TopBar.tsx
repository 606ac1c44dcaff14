import { AppBar, Box, Button, Chip, Divider, Stack, Toolbar, Tooltip, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import LogoutIcon from '@mui/icons-material/LogoutOutlined';
import PersonIcon from '@mui/icons-material/PersonOutlineOutlined';
import { useTranslation } from 'react-i18next';
import { roleNames } from '../../../../shared/contract';
import { useLang } from '../../i18n';
import { useSession, useUser } from '../auth/SessionProvider';
import { AppMark } from './AppMark';
import { LanguageSwitch } from './LanguageSwitch';
import { useOfficeSettings } from './OfficeSettings';

/** The top bar: the application and the office; who is signed in; language, lock and sign-out. */
export function TopBar() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const session = useSession();
  const user = useUser();
  const { settings } = useOfficeSettings();
  const officeName = settings?.officeName.trim() ?? '';

  return (
    <AppBar position="fixed" color="inherit" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ height: 3, bgcolor: 'primary.main' }} />
      <Toolbar variant="dense" sx={{ minHeight: 52, gap: 1.5 }}>
        <AppMark size={30} />
        <Typography variant="h6" component="div" sx={{ fontWeight: 700, letterSpacing: 1, color: 'primary.dark' }}>
          {t('app.name')}
        </Typography>
        <Divider orientation="vertical" flexItem sx={{ my: 1.5 }} />
        <Typography
          variant="body1"
          noWrap
          data-testid="office-name"
          sx={{ minWidth: 0, color: officeName ? 'text.primary' : 'text.secondary', fontWeight: officeName ? 500 : 400 }}
        >
          {officeName || t('shell.officeNotSet')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }} data-testid="current-user">
          <PersonIcon fontSize="small" color="action" />
          <Typography variant="body2" noWrap sx={{ fontWeight: 500 }}>
            {user.displayName}
          </Typography>
          <Chip size="small" label={pick(roleNames[user.role])} data-role={user.role} />
        </Stack>
        <Divider orientation="vertical" flexItem sx={{ my: 1.5 }} />
        <LanguageSwitch />
        <Tooltip title={t('shell.lockHint')}>
          <Button color="inherit" size="small" startIcon={<LockIcon fontSize="small" />} onClick={() => void session.lock()} data-testid="lock">
            {t('shell.lock')}
          </Button>
        </Tooltip>
        <Button color="inherit" size="small" startIcon={<LogoutIcon fontSize="small" />} onClick={() => void session.logout()} data-testid="logout">
          {t('shell.logout')}
        </Button>
      </Toolbar>
    </AppBar>
  );
}
