/**
 * 烈士英名录 — the martyrs' roll. Addresses:
 *   #/martyrs              the roll: one search box, filters, order, the virtualized list
 *   #/martyrs/new          key in a record (the form beside the scan / provenance panel)
 *   #/martyrs/<id>         one record: edit, submit, verify / return, delete, history
 *   #/martyrs/review       the review queue (reviewers, administrators)
 *   #/martyrs/review/<id>  a record opened from the queue: verify / return, then the next one
 *   #/martyrs/bin          the recycle bin
 *   #/martyrs/sources      the sources records are keyed from
 *   #/martyrs/import       import a spreadsheet (editors)
 *   #/martyrs/merge/<keepId>/<mergeId>  compare two records and merge the second into the first
 * May import: shared/contract, the rules' single modules (not shared/rules/index.ts), src/*.
 */
import { Box, Tab, Tabs, Typography } from '@mui/material';
import { editors, reviewers } from '../../../../shared/contract';
import { hrefOf } from '../../app/router';
import { useUser } from '../auth/SessionProvider';
import { NotFoundPage } from '../shell/NotFoundPage';
import { useMartyrsT } from './i18n';
import { RollPage } from './list/RollPage';
import { RecordPage } from './record/RecordPage';
import { ReviewQueuePage } from './review/ReviewQueuePage';
import { BinPage } from './bin/BinPage';
import { SourcesPage } from './sources/SourcesPage';
import { ImportPage } from './import/ImportPage';
import { MergePage } from './merge/MergePage';

type TabKey = 'roll' | 'review' | 'bin' | 'sources' | 'import';

const tabPaths: Record<TabKey, string> = {
  roll: '/martyrs',
  review: '/martyrs/review',
  bin: '/martyrs/bin',
  sources: '/martyrs/sources',
  import: '/martyrs/import',
};

export function MartyrsPage({ path = '/martyrs' }: { path?: string }) {
  const parts = path.split('/').filter(Boolean).slice(1);
  const [first, second] = parts;
  if (parts.length === 0) return <Tabbed tab="roll" Page={RollPage} />;
  if (first === 'new' && parts.length === 1) return <RecordPage id={null} />;
  if (first === 'review' && parts.length === 1) return <Tabbed tab="review" Page={ReviewQueuePage} />;
  if (first === 'review' && parts.length === 2 && isId(second)) return <RecordPage id={Number(second)} review />;
  if (first === 'bin' && parts.length === 1) return <Tabbed tab="bin" Page={BinPage} />;
  if (first === 'sources' && parts.length === 1) return <Tabbed tab="sources" Page={SourcesPage} />;
  if (first === 'import' && parts.length === 1) return <Tabbed tab="import" Page={ImportPage} />;
  if (first === 'merge' && parts.length === 3 && isId(parts[1]) && isId(parts[2])) return <MergePage keepId={Number(parts[1])} mergeId={Number(parts[2])} />;
  if (parts.length === 1 && isId(first)) return <RecordPage id={Number(first)} />;
  return <NotFoundPage />;
}

function isId(text: string | undefined): text is string {
  return text !== undefined && /^[1-9]\d{0,15}$/.test(text);
}

/** The sub-navigation (名录 / 审核 / 回收站 / 来源) over a list page. */
function Tabbed({ tab, Page }: { tab: TabKey; Page: () => React.ReactNode }) {
  const mt = useMartyrsT();
  const user = useUser();
  const mayReview = reviewers.includes(user.role);
  const mayEdit = editors.includes(user.role);
  const shown = (Object.keys(tabPaths) as TabKey[]).filter((key) => (key !== 'review' || mayReview || tab === 'review') && (key !== 'import' || mayEdit || tab === 'import'));
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', gap: 3, borderBottom: 1, borderColor: 'divider', mb: 1.5, flexShrink: 0 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, pb: 1 }}>
          {mt('title')}
        </Typography>
        <Tabs value={tab} aria-label={mt('title')} sx={{ minHeight: 40 }}>
          {shown.map((key) => (
            <Tab key={key} value={key} label={mt(`tabs.${key}`)} component="a" href={hrefOf(tabPaths[key])} data-testid={`martyrs-tab-${key}`} sx={{ minHeight: 40 }} />
          ))}
        </Tabs>
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Page />
      </Box>
    </Box>
  );
}
