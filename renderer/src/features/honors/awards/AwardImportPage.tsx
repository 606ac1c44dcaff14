/** 从 Excel 导入: an award list (立功受奖名单), with the letters received, through the shared import screen. */
import { Box } from '@mui/material';
import { SpreadsheetImport } from '../../../components/import/SpreadsheetImport';
import { useHonorsT } from '../i18n';

export function AwardImportPage() {
  const ht = useHonorsT();
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <SpreadsheetImport kind="awards" testId="award-import" title={ht('import.title')} lead={ht('import.lead')} doneLead={ht('import.doneLead')} show={{ href: '/honors', label: ht('import.show') }} />
    </Box>
  );
}
