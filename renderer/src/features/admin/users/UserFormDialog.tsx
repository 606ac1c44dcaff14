import { useState, type FormEvent } from 'react';
import { Dialog, DialogContent, DialogTitle, FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { roleNames, type Role, type User } from '../../../../../shared/contract';
import { useLang } from '../../../i18n';
import { useAction } from '../../../lib/useApi';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { NewPasswordFields, useNewPassword } from '../../auth/NewPasswordFields';
import { checkDisplayName, checkUsername } from '../../auth/validation';
import { isRole, roleOptions } from './roleOptions';
import { FormDialogActions } from '../../../components/FormDialogActions';

interface Props {
  /** The account to edit, or null to create one. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}

/** Create an account (user name, name, role, initial password) or edit one (name, role, may sign in). */
export function UserFormDialog({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const create = useAction('users.create');
  const update = useAction('users.update');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'clerk');
  const [active, setActive] = useState(user?.active ?? true);
  const password = useNewPassword({ confirm: false });
  const [attempted, setAttempted] = useState(false);
  const creating = user === null;

  const errors = {
    username: creating ? checkUsername(username) : null,
    displayName: checkDisplayName(displayName),
  };
  const shown = (key: keyof typeof errors) => (attempted && errors[key] ? t(errors[key]) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(errors).some(Boolean) || (creating && !password.valid)) return;
    const saved = creating
      ? await create.run({ username: username.trim(), displayName: displayName.trim(), role, password: password.password })
      : await update.run({ id: user.id, displayName: displayName.trim(), role, active });
    if (saved) onSaved(saved, creating);
  };

  const busy = create.busy || update.busy;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="user-form-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="user-form-title">{creating ? t('users.createTitle') : t('users.editTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {creating ? (
              <TextField
                label={t('users.username')}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoFocus
                required
                autoComplete="off"
                error={Boolean(shown('username'))}
                helperText={shown('username') ?? t('auth.setup.usernameHelp')}
                slotProps={{ htmlInput: { 'data-testid': 'user-form-username', maxLength: 32 } }}
              />
            ) : null}
            <TextField
              label={t('users.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoFocus={!creating}
              required
              autoComplete="off"
              error={Boolean(shown('displayName'))}
              helperText={shown('displayName')}
              slotProps={{ htmlInput: { 'data-testid': 'user-form-display-name', maxLength: 50 } }}
            />
            <TextField
              select
              label={t('users.role')}
              value={role}
              onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'user-form-role' }, inputLabel: { shrink: true } }}
            >
              {roleOptions.map((r) => (
                <option key={r} value={r}>
                  {pick(roleNames[r])}
                </option>
              ))}
            </TextField>
            {creating ? (
              <NewPasswordFields
                state={password}
                showErrors={attempted}
                label={t('users.initialPassword')}
                helperText={t('users.initialPasswordHelp')}
                testId="user-form-password"
                required
              />
            ) : (
              <FormControlLabel
                control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} slotProps={{ input: { 'aria-label': t('users.activeSwitch') } }} />}
                label={t('users.activeSwitch')}
                data-testid="user-form-active"
              />
            )}
            <ApiErrorAlert error={create.error ?? update.error} />
          </Stack>
        </DialogContent>
        <FormDialogActions onCancel={onClose} busy={busy} submitLabel={creating ? t('users.createSubmit') : t('common.save')} submitTestId="user-form-submit" />
      </form>
    </Dialog>
  );
}
