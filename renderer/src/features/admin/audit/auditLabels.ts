import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Labels for the log's action and entity names; unknown names are shown as they are. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const actions = t('audit.actions', { returnObjects: true }) as Record<string, string>;
    const entities = t('audit.entities', { returnObjects: true }) as Record<string, string>;
    return {
      action: (name: string) => actions[name] ?? name,
      entity: (name: string) => entities[name] ?? name,
      user: (username: string) => (username === 'system' ? t('audit.system') : username === 'anonymous' ? t('audit.anonymous') : username),
    };
  }, [t]);
}

/** Actions that report a refusal, shown in the warning colour. */
export const failedActions = new Set(['login_failed', 'unlock_failed', 'denied']);

