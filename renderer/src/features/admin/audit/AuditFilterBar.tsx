import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../shared/contract';
import type { AuditFilters } from './useAuditLog';
import { useAuditLabels } from './auditLabels';
import { DateInput } from '../../../components/DateInput';

interface Props {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
  users: User[];
  entities: string[];
  actions: string[];
}

const ALL = '';

/** User, entity, action and a date range; each change reloads the log from the newest entry. */
export function AuditFilterBar({ value, onChange, users, entities, actions }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const set = (patch: Partial<AuditFilters>) => {
    const next: AuditFilters = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof AuditFilters)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const empty = Object.keys(value).length === 0;
  const field = { sx: { width: 150 }, fullWidth: false } as const;
  const dateSx = { width: 200 } as const;

  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="audit-filters">
      <TextField select label={t('audit.user')} value={value.userId ?? ALL} onChange={(e) => set({ userId: e.target.value === ALL ? undefined : Number(e.target.value) })} {...field}>
        <MenuItem value={ALL}>{t('common.all')}</MenuItem>
        {users.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.username} · {u.displayName}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('audit.entity')} value={value.entity ?? ALL} onChange={(e) => set({ entity: e.target.value || undefined })} {...field}>
        <MenuItem value={ALL}>{t('common.all')}</MenuItem>
        {entities.map((name) => (
          <MenuItem key={name} value={name}>
            {labels.entity(name)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('audit.action')} value={value.action ?? ALL} onChange={(e) => set({ action: e.target.value || undefined })} {...field}>
        <MenuItem value={ALL}>{t('common.all')}</MenuItem>
        {actions.map((name) => (
          <MenuItem key={name} value={name}>
            {labels.action(name)}
          </MenuItem>
        ))}
      </TextField>
      <DateInput label={t('audit.from')} value={value.from} onChange={(from) => set({ from })} maxDate={value.to} testId="audit-from" sx={dateSx} />
      <DateInput label={t('audit.to')} value={value.to} onChange={(to) => set({ to })} minDate={value.from} testId="audit-to" sx={dateSx} />
      <Button onClick={() => onChange({})} disabled={empty} color="inherit">
        {t('audit.resetFilters')}
      </Button>
    </Stack>
  );
}
