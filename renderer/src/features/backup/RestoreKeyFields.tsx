import { useState } from 'react';
import { Alert, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { BackupKeyInput } from '../../../../shared/contract';
import { useBackupT } from './i18n';

/**
 * The key of a backup encrypted under another key than this installation's: an administrator's
 * user name and unlock password of the backup's day, or the recovery key of that encryption.
 * Answers what to send as `backup.restore`'s `key`, or null while it is not filled in.
 */
export function RestoreKeyFields({ keyId, onChange }: { keyId: string; onChange: (key: BackupKeyInput | null) => void }) {
  const t = useBackupT();
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const report = (next: { mode?: typeof mode; username?: string; password?: string; recoveryKey?: string }) => {
    const m = next.mode ?? mode;
    const u = next.username ?? username;
    const p = next.password ?? password;
    const r = next.recoveryKey ?? recoveryKey;
    if (m === 'password') onChange(u.trim() && p ? { username: u.trim(), password: p } : null);
    else onChange(r.trim() ? { recoveryKey: r.trim() } : null);
  };
  return (
    <Stack spacing={1.5} data-testid="restore-key">
      <Alert severity="info">{t('preview.encryptedOther', { keyId })}</Alert>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={mode}
        onChange={(_e, value: typeof mode | null) => {
          if (!value) return;
          setMode(value);
          report({ mode: value });
        }}
      >
        <ToggleButton value="password" data-testid="restore-key-password-mode">
          {t('preview.keyByPassword')}
        </ToggleButton>
        <ToggleButton value="recovery" data-testid="restore-key-recovery-mode">
          {t('preview.keyByRecovery')}
        </ToggleButton>
      </ToggleButtonGroup>
      {mode === 'password' ? (
        <>
          <TextField
            size="small"
            label={t('preview.keyUsername')}
            value={username}
            autoComplete="off"
            onChange={(e) => {
              setUsername(e.target.value);
              report({ username: e.target.value });
            }}
            slotProps={{ htmlInput: { 'data-testid': 'restore-key-username' } }}
          />
          <TextField
            size="small"
            type="password"
            label={t('preview.keyPassword')}
            value={password}
            autoComplete="off"
            onChange={(e) => {
              setPassword(e.target.value);
              report({ password: e.target.value });
            }}
            slotProps={{ htmlInput: { 'data-testid': 'restore-key-pass' } }}
          />
        </>
      ) : (
        <TextField
          size="small"
          label={t('preview.keyRecovery')}
          value={recoveryKey}
          autoComplete="off"
          onChange={(e) => {
            setRecoveryKey(e.target.value);
            report({ recoveryKey: e.target.value });
          }}
          slotProps={{ htmlInput: { 'data-testid': 'restore-key-recovery' } }}
        />
      )}
    </Stack>
  );
}
