/**
 * Hooks over the typed client. `useQuery` loads on mount and whenever its input changes;
 * `useAction` runs a call on demand and keeps its busy flag and error for the form to show.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';
import { useClient } from '../app/clientContext';

export interface Query<T> {
  /** The last value that arrived (kept while a reload is under way). */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>, enabled = true): Query<MethodOutput<M>> {
  const client = useClient();
  const inputJson = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const key = `${method}:${inputJson}#${version}`;
  const [state, setState] = useState<{ key: string; result: Result<MethodOutput<M>> } | null>(null);
  const [lastValue, setLastValue] = useState<MethodOutput<M> | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void client.call(method, JSON.parse(inputJson) as MethodInput<M>).then((result) => {
      if (!live) return;
      setState({ key, result });
      if (result.ok) setLastValue(result.value);
    });
    return () => {
      live = false;
    };
  }, [client, method, inputJson, key, enabled]);

  const current = state?.key === key ? state.result : null;
  return {
    data: lastValue,
    error: current && !current.ok ? current.error : null,
    loading: enabled && current === null,
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}

export interface Action<M extends MethodName> {
  run: (input: MethodInput<M>) => Promise<MethodOutput<M> | undefined>;
  busy: boolean;
  error: ApiError | null;
  clearError: () => void;
}

export function useAction<M extends MethodName>(method: M): Action<M> {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: MethodInput<M>) => {
      setBusy(true);
      setError(null);
      const result = await client.call(method, input);
      setBusy(false);
      if (result.ok) return result.value;
      setError(result.error);
      return undefined;
    },
    [client, method],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
