import { Alert, type AlertProps } from '@mui/material';
import type { ApiError } from '../../../shared/contract';
import { useLang } from '../i18n';

/**
 * An inline error from the backend: its message in the current language, and for VALIDATION the
 * field-level reasons. Multi-line messages (row-numbered import problems) keep their lines.
 */
export function ApiErrorAlert({ error, onClose, sx }: { error: ApiError | null | undefined; onClose?: () => void; sx?: AlertProps['sx'] }) {
  const { pick } = useLang();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" data-error-code={error.code} onClose={onClose} sx={{ whiteSpace: 'pre-wrap', ...sx }}>
      {pick(error.message)}
      {error.issues && error.issues.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {error.issues.map((issue, i) => (
            <li key={`${i}:${issue.path}`}>{pick(issue.message)}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
