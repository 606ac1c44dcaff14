/** For an administrator of a portable installation that is not encrypted: the suggestion to encrypt (home page and 系统管理). */
import { Alert, Button } from '@mui/material';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../lib/useApi';
import { useUser } from '../auth/SessionProvider';
import { useEncryptionT } from './i18n';

export function PortableSuggestion({ withLink = true }: { withLink?: boolean }) {
  const et = useEncryptionT();
  const user = useUser();
  const status = useQuery('encryption.status', {}, user.role === 'admin');
  if (user.role !== 'admin' || !status.data?.portable || status.data.state !== 'plain') return null;
  return (
    <Alert
      severity="info"
      data-testid="encryption-portable-suggestion"
      action={
        withLink ? (
          <Button color="inherit" size="small" href={hrefOf('/admin/encryption')}>
            {et('portableOpen')}
          </Button>
        ) : undefined
      }
    >
      {et('portableSuggestion')}
    </Alert>
  );
}
