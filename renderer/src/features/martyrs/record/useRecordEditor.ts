/** One record page's state: the form and its errors, saving (duplicates / version / reason), the status actions and the keyboard shortcuts. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { editors, reviewers, type ApiError, type Martyr, type Source } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate } from '../../../app/router';
import { useQuery } from '../../../lib/useApi';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrsT } from '../i18n';
import { focusNextField, isMod, useShortcuts } from '../keyboard';
import { useReviewQueue } from '../review/useReviewQueue';
import { readDate } from './dates';
import { suggestPeriod } from '../../../../../shared/rules/historicalPeriod';
import { dropDraft, keepDraft, rememberProvenance, clearFlash, peekFlash, setFlash } from './drafts';
import type { DuplicateCandidate } from './DuplicateDialog';
import type { FormContextValue } from './fields';
import { errorsFromIssues, fieldsOf, formForNext, formFromMartyr, localErrors, type FieldErrors, type FormState } from './formState';
import { addKin } from './KinRows';
import type { ScanControls } from './ScanPanel';
import type { Region } from './scan/region';
import { statusActions } from './statusActions';
import { useRecordLoad } from './useRecordLoad';

export type Mode = 'stay' | 'next';
export type Dialog =
  | { kind: 'duplicates'; candidates: DuplicateCandidate[]; mode: Mode }
  | { kind: 'mergeWith' }
  | { kind: 'reason'; mode: Mode }
  | { kind: 'return' }
  | { kind: 'delete' }
  | { kind: 'leave'; to: string }
  | null;

/** Which fields' errors a change clears. */
function pathsOf(key: string): string[] {
  if (key === 'nativePlace') return ['nativePlaceCode'];
  if (key === 'deathPlace') return ['deathPlaceCode'];
  return [key];
}

export type RecordEditor = ReturnType<typeof useRecordEditor>;

export function useRecordEditor(id: number | null, review: boolean) {
  const mt = useMartyrsT();
  const client = useClient();
  const user = useUser();
  const isNew = id === null;
  const mayEdit = editors.includes(user.role);
  const mayReview = reviewers.includes(user.role);
  const sources = useQuery('sources.list', {});
  const [extraSources, setExtraSources] = useState<Source[]>([]);
  const allSources = useMemo(() => {
    const list = [...(sources.data ?? [])];
    for (const s of extraSources) if (!list.some((x) => x.id === s.id)) list.push(s);
    return list;
  }, [sources.data, extraSources]);
  const addSource = (s: Source) => {
    setExtraSources((list) => [...list, s]);
    sources.reload();
  };

  const queue = useReviewQueue(review && mayReview);
  const { loaded, setLoaded, loadError, reload, record, form, dirty, skipDraft, mergeCandidates } = useRecordLoad(id, mayEdit);
  const deleted = Boolean(record?.deletedAt);
  const readOnly = !mayEdit || deleted;

  // ---- form state ----------------------------------------------------------------------------
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; id?: number } | null>(() => {
    const text = peekFlash(user.id);
    return text ? { text } : null;
  });
  useEffect(() => clearFlash(), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [autoPeriod, setAutoPeriod] = useState(false);

  const set = useCallback((patch: Partial<FormState>) => {
    setLoaded((l) => (l ? { ...l, form: { ...l.form, ...patch } } : l));
    const keys = Object.keys(patch);
    setServerErrors((errors) => {
      const cleared = keys.flatMap(pathsOf);
      if (!Object.keys(errors).some((k) => cleared.includes(k) || (keys.includes('nextOfKin') && k.startsWith('nextOfKin.')))) return errors;
      return Object.fromEntries(Object.entries(errors).filter(([k]) => !cleared.includes(k) && !(keys.includes('nextOfKin') && k.startsWith('nextOfKin.'))));
    });
    if (keys.includes('period')) setAutoPeriod(false);
    setNotice(null);
  }, [setLoaded]);

  const local = useMemo(() => localErrors(form), [form]);
  const errorOf = useCallback(
    (path: string) => {
      if (serverErrors[path]) return serverErrors[path];
      const err = local[path];
      if (!err) return undefined;
      // An empty name is only pointed out on saving; a wrong one as soon as it is typed.
      if (path === 'name') return attempted || form.name.trim() !== '' ? err : undefined;
      return err;
    },
    [serverErrors, local, attempted, form.name],
  );

  // 历史时期 from the date of death, when it is unambiguous and the period was not chosen by hand.
  const periodFor = (f: FormState, auto: boolean): Partial<FormState> | null => {
    if (f.period !== null && !auto) return null;
    const reading = readDate(f.deathDate);
    const period = reading.kind === 'ok' ? suggestPeriod(reading.earliest, reading.latest) : null;
    if (period === f.period) return null;
    if (period === null && !auto) return null;
    return { period };
  };
  const fillPeriod = () => {
    // Only a date just keyed in suggests a period: opening a stored record changes nothing by itself.
    if (!isNew && loaded?.baseline.deathDate === form.deathDate) return;
    const patch = periodFor(form, autoPeriod);
    if (!patch) return;
    setLoaded((l) => (l ? { ...l, form: { ...l.form, ...patch } } : l));
    setAutoPeriod(patch.period !== null);
  };

  const ctx: FormContextValue = useMemo(
    () => ({
      form,
      set,
      errorOf,
      readOnly,
      // Leaving the date of death suggests the period.
      touch: (path: string) => {
        if (path === 'deathDate') fillPeriod();
      },
    }),
    // fillPeriod reads the same form
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, set, errorOf, readOnly, autoPeriod],
  );

  // ---- focus ---------------------------------------------------------------------------------
  const nameRef = useRef<HTMLInputElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
  const ready = loaded !== null;
  useEffect(() => {
    if (ready && !readOnly) nameRef.current?.focus();
  }, [ready, readOnly]);

  const focusFirstError = (errors: FieldErrors) => {
    window.setTimeout(() => {
      const first = Object.keys(errors)[0];
      if (!first) return;
      const testId = `field-${first.replace(/\./g, '-')}`;
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
      el?.focus();
    }, 0);
  };

  // ---- saving --------------------------------------------------------------------------------
  const leaveTo = (path: string) => {
    skipDraft();
    dropDraft(user.id, id);
    navigate(path);
  };

  const afterSave = (saved: Martyr, mode: Mode, submitted: FormState) => {
    rememberProvenance(user.id, submitted);
    dropDraft(user.id, id);
    setAttempted(false);
    setServerErrors({});
    setActionError(null);
    const name = saved.name;
    if (mode === 'next') {
      if (isNew) {
        const next = formForNext(submitted);
        setLoaded({ record: null, form: next, baseline: next, restored: false });
        setAutoPeriod(false);
        setNotice({ text: mt('form.savedNext', { name }), id: saved.id });
        window.setTimeout(() => {
          nameRef.current?.focus();
          formRef.current?.closest('[data-form-scroll]')?.scrollTo({ top: 0 });
        }, 0);
      } else {
        leaveTo('/martyrs/new');
      }
      return;
    }
    if (isNew) {
      setFlash(user.id, mt('form.saved', { name }));
      leaveTo(`/martyrs/${saved.id}`);
      return;
    }
    void reloadDivisions(saved);
    setNotice({ text: mt('form.saved', { name }) });
  };

  const reloadDivisions = async (m: Martyr) => {
    const base = formFromMartyr(m, { native: form.nativePlace, death: form.deathPlace });
    setLoaded({ record: m, form: base, baseline: base, restored: false });
  };

  const failed = (error: ApiError) => {
    if (error.code === 'VALIDATION' && error.issues?.length) {
      const errors = errorsFromIssues(error.issues);
      setServerErrors(errors);
      focusFirstError(errors);
    }
    setActionError(error);
  };

  const create = async (mode: Mode, submitted: FormState) => {
    setBusy(true);
    const result = await client.call('martyrs.create', fieldsOf(submitted));
    setBusy(false);
    setDialog(null);
    if (!result.ok) return failed(result.error);
    afterSave(result.value, mode, submitted);
  };

  /** 保存后与之合并: the new record is saved, then merged into the one already there. */
  const createThenMerge = async (submitted: FormState, existingId: number) => {
    setBusy(true);
    const result = await client.call('martyrs.create', fieldsOf(submitted));
    setBusy(false);
    setDialog(null);
    if (!result.ok) return failed(result.error);
    rememberProvenance(user.id, submitted);
    leaveTo(`/martyrs/merge/${existingId}/${result.value.id}`);
  };

  const update = async (mode: Mode, submitted: FormState, reason: string) => {
    if (!record) return;
    setBusy(true);
    const result = await client.call('martyrs.update', { id: record.id, expectedVersion: record.version, fields: fieldsOf(submitted), reason });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'VALIDATION' && result.error.issues?.some((i) => i.path === 'reason')) {
        setActionError(result.error);
        return;
      }
      setDialog(null);
      return failed(result.error);
    }
    setDialog(null);
    afterSave(result.value, mode, submitted);
  };

  const save = async (mode: Mode) => {
    if (busy || !loaded || readOnly) return;
    setAttempted(true);
    setActionError(null);
    // A new record's period follows its date of death if nobody chose one (as on leaving the date field).
    const patch = isNew ? periodFor(form, autoPeriod) : null;
    const submitted = patch ? { ...form, ...patch } : form;
    if (patch) {
      setLoaded((l) => (l ? { ...l, form: submitted } : l));
      setAutoPeriod(patch.period !== null);
    }
    const errors = localErrors(submitted);
    if (Object.keys(errors).length > 0) {
      setNotice({ text: mt('form.fixErrors', { count: Object.keys(errors).length }) });
      focusFirstError(errors);
      return;
    }
    if (isNew) {
      setBusy(true);
      const found = await client.call('martyrs.duplicates', { fields: fieldsOf(submitted) });
      setBusy(false);
      if (found.ok && found.value.length > 0) {
        setDialog({ kind: 'duplicates', candidates: found.value, mode });
        return;
      }
      return create(mode, submitted);
    }
    if (!record) return;
    if (!dirty && !patch) {
      if (mode === 'next') leaveTo('/martyrs/new');
      else setNotice({ text: mt('form.saved', { name: record.name }) });
      return;
    }
    if (record.status === 'verified') {
      setDialog({ kind: 'reason', mode });
      return;
    }
    return update(mode, submitted, '');
  };

  // ---- status actions ------------------------------------------------------------------------
  const { goNextInQueue, guardDirty, submit, verify, doReturn, doDelete, restore } = statusActions({
    client, userId: user.id, mt, record, review, busy, dirty, queue, setBusy, setNotice, setActionError, setDialog, leaveTo, reloadDivisions, reload,
  });

  const back = () => {
    const to = review ? '/martyrs/review' : '/martyrs';
    if (dirty) setDialog({ kind: 'leave', to });
    else leaveTo(to);
  };

  // ---- the scan beside the form ----------------------------------------------------------------
  const scanControls = useRef<ScanControls | null>(null);
  const onScan = useCallback(
    (spot: { attachmentId: number; page: number } | null, region: Region | null = null) =>
      set({ scanAttachmentId: spot?.attachmentId ?? null, scanPage: spot?.page ?? null, scanRegion: spot ? region : null }),
    [set],
  );

  // ---- keyboard ------------------------------------------------------------------------------
  const canVerify = mayReview && record?.status === 'submitted' && !deleted;
  const canReturn = mayReview && (record?.status === 'submitted' || record?.status === 'verified') && !deleted;
  useShortcuts((event) => {
    const key = event.key;
    if (isMod(event) && !event.shiftKey && (key === 's' || key === 'S')) {
      event.preventDefault();
      void save('stay');
    } else if (isMod(event) && key === 'Enter') {
      event.preventDefault();
      void save('next');
    } else if (key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      if (!scanControls.current?.stopDrawing()) back();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const code = event.code;
      if (code === 'KeyK' && !readOnly) addKin(form.nextOfKin, set);
      else if (code === 'KeyU' && !readOnly) set({ unnamed: !form.unnamed });
      else if (code === 'PageDown' || code === 'PageUp') scanControls.current?.turn(code === 'PageDown' ? 1 : -1);
      else if (code === 'KeyB' && !readOnly) scanControls.current?.toggleDrawing();
      else if (code === 'KeyX' && !readOnly) scanControls.current?.clearRegion();
      else if (code === 'KeyH' && record) setHistoryOpen(true);
      else if (code === 'KeyV' && canVerify) void verify();
      else if (code === 'KeyR' && canReturn) {
        if (!guardDirty()) setDialog({ kind: 'return' });
      } else if (code === 'KeyN' && review && record) void goNextInQueue(record.id, true);
      else return;
      event.preventDefault();
    }
  }, ready);

  const onFormKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target;
    const movesOn = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || (target instanceof HTMLTextAreaElement && target.dataset.enterNext === 'true');
    if (!movesOn) return;
    if (!formRef.current) return;
    event.preventDefault();
    focusNextField(formRef.current, target);
  };

  // ---- small actions of the view ----------------------------------------------------------------
  const discardDraft = () => {
    setLoaded((l) => (l ? { ...l, form: l.baseline, restored: false } : l));
    dropDraft(user.id, id);
  };
  const reloadAfterConflict = () => {
    setActionError(null);
    reload();
  };
  /** Opens a possible duplicate; the input stays as a draft of the new record: coming back offers it again. */
  const openKeepingDraft = (other: number) => {
    keepDraft(user.id, null, null, form);
    skipDraft();
    navigate(`/martyrs/${other}`);
  };
  const closeReasonDialog = () => {
    setDialog(null);
    setActionError(null);
  };

  return {
    isNew, mayEdit, mayReview, review, queue, allSources, addSource, loaded, loadError, record, form, dirty, deleted, readOnly,
    ctx, autoPeriod, busy, notice, actionError, setActionError, dialog, setDialog, historyOpen, setHistoryOpen, mergeCandidates,
    nameRef, formRef, onFormKeyDown, scanControls, onScan, canVerify, canReturn, guardDirty,
    save, create, createThenMerge, update, submit, verify, doReturn, doDelete, restore, back, goNextInQueue, leaveTo,
    discardDraft, reloadAfterConflict, openKeepingDraft, closeReasonDialog,
  };
}
