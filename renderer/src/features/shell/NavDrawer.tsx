import { alpha, Box, Drawer, List, ListItemButton, ListItemIcon, ListItemText, Toolbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { hrefOf, inSection } from '../../app/router';
import { useQuery } from '../../lib/useApi';
import { useUser } from '../auth/SessionProvider';
import { navItems } from './navigation';

export const DRAWER_WIDTH = 224;

/** The left navigation; the administration entry only for administrators. */
export function NavDrawer({ path }: { path: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const info = useQuery('app.info', {});
  const items = navItems.filter((item) => !item.adminOnly || user.role === 'admin');

  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderRightColor: 'divider' },
      }}
    >
      <Toolbar variant="dense" sx={{ minHeight: 55 }} />
      <Box component="nav" aria-label={t('nav.label')} sx={{ flex: 1, overflowY: 'auto' }}>
        <List sx={{ px: 1, py: 1.5 }}>
          {items.map((item) => {
            const selected = inSection(path, item.section);
            const Icon = item.icon;
            return (
              <ListItemButton
                key={item.key}
                component="a"
                href={hrefOf(item.path)}
                selected={selected}
                aria-current={selected ? 'page' : undefined}
                data-testid={`nav-${item.key}`}
                sx={{
                  borderRadius: 1,
                  mb: 0.5,
                  py: 0.9,
                  '&.Mui-selected': {
                    bgcolor: (theme) => alpha(theme.palette.primary.main, 0.09),
                    color: 'primary.dark',
                    '& .MuiListItemIcon-root': { color: 'primary.main' },
                    '& .MuiListItemText-primary': { fontWeight: 600 },
                  },
                }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <Icon fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={t(`nav.${item.key}`)} />
              </ListItemButton>
            );
          })}
        </List>
      </Box>
      <Box sx={{ px: 2, py: 1.5, borderTop: 1, borderColor: 'divider' }}>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ textWrap: 'balance' }}>
          {t('shell.offline')}
        </Typography>
        {info.data ? (
          <Typography variant="caption" color="text.secondary" component="p" data-testid="app-version">
            v{info.data.version}
          </Typography>
        ) : null}
      </Box>
    </Drawer>
  );
}
