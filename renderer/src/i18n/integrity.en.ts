import type { Messages } from './messages';
import type { integrityZh } from './integrity.zh';

export const integrityEn: Messages<typeof integrityZh> = {
  title: 'Data integrity',
  lead: 'A full check of every page of the database file, the audit log’s hash chain, and every attachment file (missing or altered). It runs on its own once a week and whenever you start it; it runs in the background while you work.',
  never: 'No full check has been made yet.',
  nextDue: 'Next automatic check: {{at}}',
  lastAt: 'Last check: {{at}}',
  trigger: { scheduled: 'weekly automatic check', manual: 'started by {{name}}' },
  outcome: { ok: 'No problems', problems: 'Problems found' },
  summary: '{{seconds}} s; {{files}} attachments checked, {{size}}; {{audit}} audit entries.',
  checkNow: 'Check now',
  running: 'Checking…',
  databaseProblems: 'The database file is damaged:',
  databaseHint: 'Restore the latest backup soon, or call support. What was written after the damage may be lost.',
  auditProblem: 'Audit entries from {{id}} on were changed or removed ({{reason}}).',
  auditUnreadable: 'The audit log could not be verified whole ({{reason}}).',
  problemsTitle: 'Attachment problems ({{count}})',
  noProblems: 'Every attachment file is sound.',
  columns: { kind: 'Problem', file: 'File', records: 'Records using the file' },
  kinds: { missing: 'File missing', altered: 'File altered', orphan: 'Extra file' },
  kindHints: {
    missing: 'Find the paper and scan it again, or restore the file from a backup.',
    altered: 'The file differs from what was stored: scan it again or restore it from a backup.',
    orphan: 'No record uses this file. Reported only; it is not deleted.',
  },
  noRecords: 'none',
  moreRecords: '{{count}} in all',
  recordKinds: { martyr: 'Martyr', source: 'Source', award: 'Award', letter: 'Letter', household: 'Household', plaque: 'Plaque' },
  homeWarning: 'The last data integrity check ({{at}}) found problems. See Administration → Data integrity.',
  homeOpen: 'Open',
};
