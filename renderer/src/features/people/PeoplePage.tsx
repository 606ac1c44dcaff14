import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import { ComingPage } from '../shell/ComingPage';

/** 人员 — people and their relations (a later issue). */
export function PeoplePage() {
  return <ComingPage page="people" icon={<PeopleIcon />} />;
}
