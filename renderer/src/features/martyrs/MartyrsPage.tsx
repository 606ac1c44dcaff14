import MenuBookIcon from '@mui/icons-material/MenuBookOutlined';
import { ComingPage } from '../shell/ComingPage';

/** 烈士英名录 — the martyrs' roll: digitizing, review, search and printing (a later issue). */
export function MartyrsPage() {
  return <ComingPage page="martyrs" icon={<MenuBookIcon />} />;
}
