import { Alert, Button, Stack, Typography } from '@mui/material';
import { roleNames, type Role } from '../../../../shared/contract';
import type { Plaque } from '../../../../shared/contract/plaques';
import { useLang } from '../../i18n';
import { useUser } from '../auth/SessionProvider';
import type { PlaqueStep } from './ActionDialog';
import { usePlaquesT } from './i18n';
import { stepOffers } from './stepOffers';

/**
 * The steps a plaque may take now, as buttons; for those it may not, the reason in words instead of
 * a silently missing button: the qualifying person's death, or the user's role.
 */
export function PlaqueSteps({ plaque, onStep }: { plaque: Plaque; onStep: (step: PlaqueStep) => void }) {
  const pt = usePlaquesT();
  const user = useUser();
  const offers = stepOffers(plaque, user.role);
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {offers.deceased && (
        <Alert severity="info" data-testid="plaque-deceased-note">
          {pt('household.deceasedNote', { name: plaque.qualifyingPersonName })}
        </Alert>
      )}
      {offers.offered.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {offers.offered.map((s) => (
            <Button key={s} size="small" variant="outlined" onClick={() => onStep(s)} data-testid={`plaque-${s}`}>
              {pt(`actions.${s}`)}
            </Button>
          ))}
        </Stack>
      )}
      {offers.byRole.map((g) => (
        <RoleNote key={g.roles.join()} actions={g.steps.map((s) => pt(`actions.${s}`))} roles={g.roles} testId={`plaque-why-role-${g.steps.join('-')}`} />
      ))}
    </Stack>
  );
}

/** "恢复须由系统管理员、审核员办理（您的角色：档案员/业务员）。" */
export function RoleNote({ actions, roles, testId }: { actions: string[]; roles: readonly Role[]; testId: string }) {
  const pt = usePlaquesT();
  const { pick, lang } = useLang();
  const user = useUser();
  const zh = lang === 'zh';
  return (
    <Typography variant="body2" color="text.secondary" data-testid={testId}>
      {pt('household.needsRole', { actions: actions.join(zh ? '、' : ', '), roles: roles.map((r) => pick(roleNames[r])).join(zh ? '、' : ' or '), role: pick(roleNames[user.role]) })}
    </Typography>
  );
}
