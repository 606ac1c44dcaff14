import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Settings } from '../../../../shared/contract';
import { useQuery } from '../../lib/useApi';

interface OfficeSettings {
  settings: Settings | undefined;
  reload: () => void;
}

const OfficeSettingsContext = createContext<OfficeSettings>({ settings: undefined, reload: () => {} });

/** The office settings (name, idle lock, home division), loaded once after sign-in and reloaded when saved. */
export function OfficeSettingsProvider({ children }: { children: ReactNode }) {
  const query = useQuery('settings.get', {});
  const value = useMemo(() => ({ settings: query.data, reload: query.reload }), [query.data, query.reload]);
  return <OfficeSettingsContext.Provider value={value}>{children}</OfficeSettingsContext.Provider>;
}

export function useOfficeSettings(): OfficeSettings {
  return useContext(OfficeSettingsContext);
}
