import HomeIcon from '@mui/icons-material/HomeOutlined';
import { ComingPage } from '../shell/ComingPage';

/** 光荣牌 — Glorious Military Family plaques by household (a later issue). */
export function PlaquesPage() {
  return <ComingPage page="plaques" icon={<HomeIcon />} />;
}
