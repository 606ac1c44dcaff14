import { Box, Toolbar } from '@mui/material';
import { usePath } from '../../app/router';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { NavDrawer } from './NavDrawer';
import { OfficeSettingsProvider } from './OfficeSettings';
import { PageFor } from './PageFor';
import { TopBar } from './TopBar';

/** The application after sign-in: top bar, left navigation, and the page the address names. */
export function AppShell() {
  const path = usePath();
  return (
    <OfficeSettingsProvider>
      <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
        <TopBar />
        <NavDrawer path={path} />
        <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <Toolbar variant="dense" sx={{ minHeight: 55, flexShrink: 0 }} />
          <Box sx={{ flex: 1, minHeight: 0, minWidth: 0, overflow: 'auto', p: 3, display: 'flex', flexDirection: 'column' }}>
            <ErrorBoundary key={path}>
              <PageFor path={path} />
            </ErrorBoundary>
          </Box>
        </Box>
      </Box>
    </OfficeSettingsProvider>
  );
}
