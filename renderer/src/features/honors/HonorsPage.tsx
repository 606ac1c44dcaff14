/**
 * 荣誉与喜报 — merit awards and good-news letters. Addresses:
 *   #/honors                 the award register (search, class, year)
 *   #/honors/awards/new      register an award (keyboard-first form)
 *   #/honors/awards/<id>     one award: correct it, its files, its letter
 *   #/honors/letters         letters by status and deadline
 *   #/honors/letters/<id>    one letter: its lifecycle, deadline, delivery and photos
 *   #/honors/settings        award classes (deadline days, who delivers) and the holiday calendar
 * May import: shared/contract, the rules' single modules, src/*.
 */
import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/router';
import { NotFoundPage } from '../shell/NotFoundPage';
import { useHonorsT } from './i18n';
import { AwardListPage } from './awards/AwardListPage';
import { AwardPage } from './awards/AwardPage';
import { LetterListPage } from './letters/LetterListPage';
import { LetterPage } from './letters/LetterPage';
import { HonorsSettingsPage } from './settings/HonorsSettingsPage';
import { AwardImportPage } from './awards/AwardImportPage';

type TabKey = 'awards' | 'letters' | 'settings';
const tabPaths: Record<TabKey, string> = { awards: '/honors', letters: '/honors/letters', settings: '/honors/settings' };

export function HonorsPage({ path = '/honors' }: { path?: string }) {
  const parts = path.split('/').filter(Boolean).slice(1);
  const [first, second] = parts;
  if (parts.length === 0) return <Tabbed tab="awards" Page={AwardListPage} />;
  if (first === 'letters' && parts.length === 1) return <Tabbed tab="letters" Page={LetterListPage} />;
  if (first === 'settings' && parts.length === 1) return <Tabbed tab="settings" Page={HonorsSettingsPage} />;
  if (first === 'awards' && second === 'new' && parts.length === 2) return <AwardPage id={null} />;
  if (first === 'import' && parts.length === 1) return <AwardImportPage />;
  if (first === 'awards' && parts.length === 2 && isId(second)) return <AwardPage key={second} id={Number(second)} />;
  if (first === 'letters' && parts.length === 2 && isId(second)) return <LetterPage key={second} id={Number(second)} />;
  return <NotFoundPage />;
}

function isId(text: string | undefined): text is string {
  return text !== undefined && /^[1-9]\d{0,15}$/.test(text);
}

function Tabbed({ tab, Page }: { tab: TabKey; Page: () => React.ReactNode }) {
  const ht = useHonorsT();
  const { t } = useTranslation();
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', gap: 3, borderBottom: 1, borderColor: 'divider', mb: 1.5, flexShrink: 0 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, pb: 1 }}>
          {t('nav.honors')}
        </Typography>
        <Tabs value={tab} aria-label={t('nav.honors')} sx={{ minHeight: 40 }}>
          {(Object.keys(tabPaths) as TabKey[]).map((key) => (
            <Tab key={key} value={key} label={ht(`tabs.${key}`)} component="a" href={hrefOf(tabPaths[key])} data-testid={`honors-tab-${key}`} sx={{ minHeight: 40 }} />
          ))}
        </Tabs>
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Page />
      </Box>
    </Box>
  );
}
