import MilitaryTechIcon from '@mui/icons-material/MilitaryTechOutlined';
import { ComingPage } from '../shell/ComingPage';

/** 荣誉与喜报 — merit awards and good-news letters (a later issue). */
export function HonorsPage() {
  return <ComingPage page="honors" icon={<MilitaryTechIcon />} />;
}
