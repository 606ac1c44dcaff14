/** The home page's warning for an administrator when the last full integrity check found problems. */
import { Alert, Button } from '@mui/material';
import { hrefOf } from '../../../app/router';
import { useQuery } from '../../../lib/useApi';
import { formatDateTime } from '../../../lib/format';
import { useUser } from '../../auth/SessionProvider';
import { useIntegrityT } from './i18n';

export function IntegrityWarning() {
  const it = useIntegrityT();
  const user = useUser();
  const status = useQuery('integrity.status', {}, user.role === 'admin');
  const last = status.data?.last;
  if (user.role !== 'admin' || !last || last.outcome !== 'problems') return null;
  return (
    <Alert
      severity="warning"
      data-testid="home-integrity-warning"
      action={
        <Button color="inherit" size="small" href={hrefOf('/admin/integrity')} data-testid="home-integrity-open">
          {it('homeOpen')}
        </Button>
      }
    >
      {it('homeWarning', { at: formatDateTime(last.finishedAt) })}
    </Alert>
  );
}
