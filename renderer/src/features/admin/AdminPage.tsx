import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/router';
import { useUser } from '../auth/SessionProvider';
import { ForbiddenPage } from '../shell/ForbiddenPage';
import { NotFoundPage } from '../shell/NotFoundPage';
import { UsersPage } from './users/UsersPage';
import { AuditPage } from './audit/AuditPage';
import { DivisionsPage } from './divisions/DivisionsPage';
import { SettingsPage } from './settings/SettingsPage';
import { BackupPage } from '../backup/BackupPage';
import { IntegrityPage } from './integrity/IntegrityPage';
import { EncryptionPage } from '../encryption/EncryptionPage';
import { PortableSuggestion } from '../encryption/PortableSuggestion';

/**
 * `refusedByServer`: the page's first call is administrator-only, so for any other role the
 * backend itself refuses it (and records the attempt in the audit log); the page then shows the
 * backend's FORBIDDEN answer. The other pages read data every role may read, so the role alone
 * decides here.
 */
const tabs = [
  { key: 'users', path: '/admin/users', Page: UsersPage, refusedByServer: true },
  { key: 'audit', path: '/admin/audit', Page: AuditPage, refusedByServer: true },
  { key: 'divisions', path: '/admin/divisions', Page: DivisionsPage, refusedByServer: false },
  { key: 'settings', path: '/admin/settings', Page: SettingsPage, refusedByServer: false },
  { key: 'backup', path: '/admin/backup', Page: BackupPage, refusedByServer: true },
  { key: 'integrity', path: '/admin/integrity', Page: IntegrityPage, refusedByServer: true },
  { key: 'encryption', path: '/admin/encryption', Page: EncryptionPage, refusedByServer: false },
] as const;

/**
 * 系统管理 — administration, for administrators only: users, the audit log, divisions, settings,
 * backup and restore, data integrity, data encryption.
 * Any other role that opens an `#/admin/…` address is told it may not.
 */
export function AdminPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const tab = path === '/admin' ? tabs[0] : tabs.find((candidate) => candidate.path === path);
  if (!tab) return <NotFoundPage />;
  const Page = tab.Page;
  if (user.role !== 'admin') return tab.refusedByServer ? <Page /> : <ForbiddenPage />;
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 1 }}>
        {t('admin.title')}
      </Typography>
      {tab.key === 'encryption' ? null : <PortableSuggestion />}
      <Tabs value={tab.key} sx={{ borderBottom: 1, borderColor: 'divider', mb: 1.5, flexShrink: 0 }} aria-label={t('admin.title')}>
        {tabs.map((candidate) => (
          <Tab
            key={candidate.key}
            value={candidate.key}
            label={t(`admin.tabs.${candidate.key}`)}
            component="a"
            href={hrefOf(candidate.path)}
            data-testid={`admin-tab-${candidate.key}`}
          />
        ))}
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column', pt: 1 }}>
        <Page />
      </Box>
    </Box>
  );
}
