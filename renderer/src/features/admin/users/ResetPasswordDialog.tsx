import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../shared/contract';
import { useAction } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { NewPasswordFields, useNewPassword } from '../../auth/NewPasswordFields';

/** Sets a temporary password; the person must change it at the next sign-in. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (user: User) => void }) {
  const { t } = useTranslation();
  const reset = useAction('users.resetPassword');
  const password = useNewPassword({ confirm: false });
  const [attempted, setAttempted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!password.valid) return;
    const saved = await reset.run({ id: user.id, password: password.password });
    if (saved) onDone(saved);
  };

  return (
    <Dialog open onClose={reset.busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="reset-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reset-title">{t('users.resetTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText variant="body2">{t('users.resetLead')}</DialogContentText>
            <NewPasswordFields
              state={password}
              showErrors={attempted}
              label={t('users.newPassword')}
              helperText={t('users.initialPasswordHelp')}
              testId="user-reset-password"
              autoFocus
            />
            <ApiErrorAlert error={reset.error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={reset.busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={reset.busy} data-testid="user-reset-submit">
            {t('users.resetSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
