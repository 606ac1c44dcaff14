import type { SvgIconComponent } from '@mui/icons-material';
import MenuBookIcon from '@mui/icons-material/MenuBookOutlined';
import MilitaryTechIcon from '@mui/icons-material/MilitaryTechOutlined';
import HomeIcon from '@mui/icons-material/HomeOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import AdminIcon from '@mui/icons-material/AdminPanelSettingsOutlined';

export interface NavItem {
  key: 'home' | 'martyrs' | 'honors' | 'plaques' | 'people' | 'documents' | 'admin';
  /** Where the item leads. */
  path: string;
  /** The part of the address the item stands for (highlighted for every page under it). */
  section: string;
  icon: SvgIconComponent;
  adminOnly?: boolean;
}

/** The left navigation, in order. */
export const navItems: NavItem[] = [
  { key: 'home', path: '/home', section: '/home', icon: DashboardIcon },
  { key: 'martyrs', path: '/martyrs', section: '/martyrs', icon: MenuBookIcon },
  { key: 'honors', path: '/honors', section: '/honors', icon: MilitaryTechIcon },
  { key: 'plaques', path: '/plaques', section: '/plaques', icon: HomeIcon },
  { key: 'people', path: '/people', section: '/people', icon: PeopleIcon },
  { key: 'documents', path: '/documents', section: '/documents', icon: PrintIcon },
  { key: 'admin', path: '/admin/users', section: '/admin', icon: AdminIcon, adminOnly: true },
];
