import { inSection } from '../../app/router';
import { MartyrsPage } from '../martyrs/MartyrsPage';
import { HonorsPage } from '../honors/HonorsPage';
import { PlaquesPage } from '../plaques/PlaquesPage';
import { PlaqueImportPage } from '../plaques/PlaqueImportPage';
import { PeoplePage } from '../people/PeoplePage';
import { DocumentsPage } from '../documents/DocumentsPage';
import { AdminPage } from '../admin/AdminPage';
import { NotFoundPage } from './NotFoundPage';
import { HomePage } from '../home/HomePage';

/** The page for an address (`#/martyrs`, `#/admin/users` …). */
export function PageFor({ path }: { path: string }) {
  if (inSection(path, '/admin')) return <AdminPage path={path} />;
  if (inSection(path, '/martyrs')) return <MartyrsPage path={path} />;
  if (inSection(path, '/honors')) return <HonorsPage path={path} />;
  if (inSection(path, '/documents')) return <DocumentsPage path={path} />;
  switch (path) {
    case '/home':
      return <HomePage />;
    case '/plaques':
      return <PlaquesPage />;
    case '/plaques/import':
      return <PlaqueImportPage />;
    case '/people':
      return <PeoplePage />;
    default:
      return <NotFoundPage />;
  }
}
