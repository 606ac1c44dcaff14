/** 导入登记表: the plaque ledger the office already keeps, through the shared import screen. */
import { Box } from '@mui/material';
import { SpreadsheetImport } from '../../components/import/SpreadsheetImport';
import { usePlaquesT } from './i18n';

export function PlaqueImportPage() {
  const pt = usePlaquesT();
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <SpreadsheetImport kind="plaques" testId="plaque-import" title={pt('import.title')} lead={pt('import.lead')} doneLead={pt('import.doneLead')} show={{ href: '/plaques', label: pt('import.show') }} />
    </Box>
  );
}
