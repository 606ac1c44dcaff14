import PrintIcon from '@mui/icons-material/PrintOutlined';
import { ComingPage } from '../shell/ComingPage';

/** 文书打印 — printed documents: the roll, letters, ledgers (a later issue). */
export function DocumentsPage() {
  return <ComingPage page="documents" icon={<PrintIcon />} />;
}
