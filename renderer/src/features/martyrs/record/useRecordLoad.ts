/** What the record page reads: the record (or a new one from a draft / the last provenance), the possible duplicates to merge with; unsaved input is kept as a draft when the page is left. */
import { useEffect, useRef, useState } from 'react';
import type { ApiError, Division, Martyr } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { useUser } from '../../auth/SessionProvider';
import { dropDraft, keepDraft, lastProvenance, takeDraft } from './drafts';
import type { DuplicateCandidate } from './DuplicateDialog';
import { emptyForm, fieldsOf, formFromMartyr, sameFields, type FormState } from './formState';

export interface Loaded {
  record: Martyr | null;
  form: FormState;
  baseline: FormState;
  restored: boolean;
}

export function useRecordLoad(id: number | null, mayEdit: boolean) {
  const client = useClient();
  const user = useUser();
  const isNew = id === null;
  // ---- loading -------------------------------------------------------------------------------
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    if (!isNew) return null;
    const draft = takeDraft(user.id, null, null);
    const start = { ...emptyForm(), ...lastProvenance(user.id) };
    return { record: null, form: draft ?? start, baseline: start, restored: draft !== null };
  });
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reloadTick, setReloadTick] = useState(0);
  const reload = () => setReloadTick((t) => t + 1);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void (async () => {
      const result = await client.call('martyrs.get', { id });
      if (!live) return;
      if (!result.ok) return setLoadError(result.error);
      const m = result.value;
      const division = async (code: string | null): Promise<Division | null> => {
        if (!code) return null;
        const d = await client.call('divisions.get', { code });
        return d.ok ? d.value : null;
      };
      const [native, death] = await Promise.all([division(m.nativePlaceCode), division(m.deathPlaceCode)]);
      if (!live) return;
      const base = formFromMartyr(m, { native, death });
      const draft = reloadTick === 0 ? takeDraft(user.id, id, m.version) : null;
      setLoadError(null);
      setLoaded({ record: m, form: draft ?? base, baseline: base, restored: draft !== null });
    })();
    return () => {
      live = false;
    };
  }, [client, id, user.id, reloadTick]);

  const record = loaded?.record ?? null;
  const form = loaded?.form ?? emptyForm();
  const dirty = loaded !== null && !sameFields(loaded.form, loaded.baseline);

  // ---- unsaved input survives leaving the page ------------------------------------------------
  const latest = useRef({ dirty, form, version: record?.version ?? null, skip: false, ready: loaded !== null });
  useEffect(() => {
    latest.current = { ...latest.current, dirty, form, version: record?.version ?? null, ready: loaded !== null };
  });
  useEffect(
    () => () => {
      const l = latest.current;
      if (l.skip || !l.ready) return;
      if (l.dirty) keepDraft(user.id, id, l.version, l.form);
      else dropDraft(user.id, id);
    },
    [user.id, id],
  );
  /** The page is left on purpose: what it holds is not kept as a draft. */
  const skipDraft = () => {
    latest.current.skip = true;
  };

  // An existing record: records that may be the same person can be merged with it.
  const [mergeCandidates, setMergeCandidates] = useState<DuplicateCandidate[]>([]);
  const candidatesFor = loaded?.record && !loaded.record.deletedAt && mayEdit ? loaded.baseline : null;
  const candidatesKey = loaded?.record ? `${loaded.record.id}:${loaded.record.version}` : '';
  useEffect(() => {
    if (!candidatesFor || !id) {
      setMergeCandidates([]);
      return;
    }
    let live = true;
    void client.call('martyrs.duplicates', { fields: fieldsOf(candidatesFor), excludeId: id }).then((found) => {
      if (live) setMergeCandidates(found.ok ? found.value : []);
    });
    return () => {
      live = false;
    };
    // once per record version
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, id, candidatesKey]);

  return { loaded, setLoaded, loadError, reload, record, form, dirty, skipDraft, mergeCandidates };
}
