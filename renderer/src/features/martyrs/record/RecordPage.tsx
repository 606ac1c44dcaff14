/**
 * One martyr record: the entry form beside the scan / provenance panel, the status bar with the
 * actions the role allows, and the history. New records are checked for duplicates before they are
 * saved; changes to a record carry its version (a concurrent change is a CONFLICT, shown with a
 * reload); a verified record asks why it is changed.
 *
 * Keyboard: Enter moves to the next field, Ctrl+S saves, Ctrl+Enter saves and starts the next
 * record (same source and page), Esc goes back (asking first if something is unsaved), Alt+K adds
 * a relative, Alt+H opens the history; reviewers: Alt+V verifies, Alt+R returns, Alt+N skips
 * (review queue).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, Tooltip, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { editors, reviewers, type ApiError, type Division, type Martyr, type Source } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useApi';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrsT } from '../i18n';
import { focusNextField, isMod, useShortcuts } from '../keyboard';
import { useReviewQueue } from '../review/useReviewQueue';
import { readDate, suggestPeriod } from './dates';
import { dropDraft, keepDraft, lastProvenance, rememberProvenance, clearFlash, peekFlash, setFlash, takeDraft } from './drafts';
import { DuplicateDialog, type DuplicateCandidate } from './DuplicateDialog';
import { FormContext, type FormContextValue } from './fields';
import { emptyForm, errorsFromIssues, fieldsOf, formForNext, formFromMartyr, localErrors, sameFields, type FieldErrors, type FormState } from './formState';
import { HistoryDrawer } from './HistoryDrawer';
import { addKin } from './KinRows';
import { MartyrForm } from './MartyrForm';
import { LeaveDialog, ReasonDialog } from './ReasonDialog';
import { ScanPanel } from './ScanPanel';
import { StatusBar } from './StatusBar';

type Mode = 'stay' | 'next';
type Dialog =
  | { kind: 'duplicates'; candidates: DuplicateCandidate[]; mode: Mode }
  | { kind: 'mergeWith' }
  | { kind: 'reason'; mode: Mode }
  | { kind: 'return' }
  | { kind: 'delete' }
  | { kind: 'leave'; to: string }
  | null;

interface Loaded {
  record: Martyr | null;
  form: FormState;
  baseline: FormState;
  restored: boolean;
}

/** Which fields' errors a change clears. */
function pathsOf(key: string): string[] {
  if (key === 'nativePlace') return ['nativePlaceCode'];
  if (key === 'deathPlace') return ['deathPlaceCode'];
  return [key];
}

export function RecordPage({ id, review = false }: { id: number | null; review?: boolean }) {
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
  const queue = useReviewQueue(review && mayReview);

  // ---- loading -------------------------------------------------------------------------------
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    if (!isNew) return null;
    const draft = takeDraft(user.id, null, null);
    const start = { ...emptyForm(), ...lastProvenance(user.id) };
    return { record: null, form: draft ?? start, baseline: start, restored: draft !== null };
  });
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reloadTick, setReloadTick] = useState(0);

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
  }, []);

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
    latest.current.skip = true;
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
  const refreshRecord = (m?: Martyr) => {
    if (m) {
      void reloadDivisions(m);
      return;
    }
    setReloadTick((t) => t + 1);
  };

  const goNextInQueue = async (currentId: number, skip: boolean) => {
    const next = await queue.nextAfter(currentId, skip);
    if (next === null) setFlash(user.id, mt('review.done'));
    leaveTo(next === null ? '/martyrs/review' : `/martyrs/review/${next}`);
  };

  const guardDirty = () => {
    if (!dirty) return false;
    setNotice({ text: mt('record.saveFirst') });
    return true;
  };

  const submit = async () => {
    if (!record || busy || guardDirty()) return;
    setBusy(true);
    const result = await client.call('martyrs.submit', { ids: [record.id] });
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    setNotice({ text: mt('record.submitted') });
    refreshRecord();
  };

  const verify = async () => {
    if (!record || busy || record.status !== 'submitted' || guardDirty()) return;
    setBusy(true);
    const result = await client.call('martyrs.verify', { ids: [record.id] });
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    if (review) return goNextInQueue(record.id, false);
    setNotice({ text: mt('record.verified') });
    refreshRecord();
  };

  const doReturn = async (reason: string) => {
    if (!record) return;
    setBusy(true);
    const result = await client.call('martyrs.return', { id: record.id, reason });
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    setDialog(null);
    if (review) return goNextInQueue(record.id, false);
    setNotice({ text: mt('record.returned') });
    refreshRecord(result.value);
  };

  const doDelete = async (reason: string) => {
    if (!record) return;
    setBusy(true);
    const result = await client.call('martyrs.delete', { id: record.id, reason });
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    setDialog(null);
    setNotice({ text: mt('record.deleted', { name: result.value.name }) });
    refreshRecord(result.value);
  };

  const restore = async () => {
    if (!record) return;
    setBusy(true);
    const result = await client.call('martyrs.restore', { id: record.id });
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    setNotice({ text: mt('record.restored', { name: result.value.name }) });
    refreshRecord(result.value);
  };

  const back = () => {
    const to = review ? '/martyrs/review' : '/martyrs';
    if (dirty) setDialog({ kind: 'leave', to });
    else leaveTo(to);
  };

  // ---- the scan beside the form ----------------------------------------------------------------
  const turnScan = useRef<((delta: number) => void) | null>(null);
  const onScan = useCallback(
    (spot: { attachmentId: number; page: number } | null) => set({ scanAttachmentId: spot?.attachmentId ?? null, scanPage: spot?.page ?? null, scanRegion: null }),
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
      back();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const code = event.code;
      if (code === 'KeyK' && !readOnly) addKin(form.nextOfKin, set);
      else if (code === 'KeyU' && !readOnly) set({ unnamed: !form.unnamed });
      else if (code === 'PageDown' || code === 'PageUp') turnScan.current?.(code === 'PageDown' ? 1 : -1);
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

  // ---- view ----------------------------------------------------------------------------------
  if (loadError) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <ApiErrorAlert error={loadError} />
        <Box>
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/martyrs')}>
            {mt('form.back')}
          </Button>
        </Box>
      </Stack>
    );
  }
  if (!loaded) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', flex: 1 }}>
        <CircularProgress size={28} />
      </Box>
    );
  }

  const source = allSources.find((s) => s.id === form.sourceId) ?? null;
  const entered = {
    name: form.unnamed && form.name.trim() === '' ? mt('fields.unnamed') : form.name.trim(),
    birth: form.birthDate,
    death: form.deathDate,
    nativePlace: form.nativePlaceText,
    unitAndPost: form.unitAndPost,
    certificateNo: form.certificateNo,
  };
  const position = review && record ? queue.rows.findIndex((r) => r.id === record.id) : -1;

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 1, m: -1 }}>
      <StatusBar
        record={record}
        title={record ? record.name : mt('form.newTitle')}
        dirty={dirty}
        busy={busy}
        review={review}
        queueText={
          review && record
            ? position >= 0
              ? mt('review.position', { n: position + 1, count: queue.countCapped ? `${queue.count}+` : queue.count })
              : mt('review.count', { count: queue.count })
            : null
        }
        onBack={back}
        onHistory={() => setHistoryOpen(true)}
        onSubmit={mayEdit && record && (record.status === 'draft' || record.status === 'returned') && !deleted ? () => void submit() : undefined}
        onVerify={canVerify ? () => void verify() : undefined}
        onReturn={canReturn ? () => !guardDirty() && setDialog({ kind: 'return' }) : undefined}
        onDelete={mayEdit && record && !deleted ? () => setDialog({ kind: 'delete' }) : undefined}
        onRestore={mayEdit && deleted ? () => void restore() : undefined}
        onNext={review && record ? () => void goNextInQueue(record.id, true) : undefined}
        onMerge={mayEdit && record && !deleted && !review && mergeCandidates.length > 0 ? () => !guardDirty() && setDialog({ kind: 'mergeWith' }) : undefined}
        meta={
          record
            ? `${mt('record.version', { version: record.version })} · ${mt('record.updated', { by: record.updatedBy, at: formatDateTime(record.updatedAt) })}`
            : null
        }
      />
      {record?.status === 'returned' && record.returnReason ? (
        <Alert severity="warning" variant="filled" data-testid="martyr-return-reason" sx={{ py: 0.25, '& .MuiAlert-message': { fontSize: '0.9375rem' } }}>
          <strong>{mt('record.returnedBanner')}</strong> {record.returnReason}
        </Alert>
      ) : null}
      {deleted ? (
        <Alert severity="error" data-testid="martyr-deleted" sx={{ py: 0.25 }}>
          {mt('record.deletedBanner', { reason: record?.deleteReason ?? '' })}
          {record?.mergedInto ? (
            <>
              {' '}
              <a href={`#/martyrs/${record.mergedInto}`} data-testid="martyr-merged-into">
                {mt('record.mergedInto', { id: record.mergedInto })}
              </a>
            </>
          ) : null}
        </Alert>
      ) : null}
      {!mayEdit ? (
        <Alert severity="info" sx={{ py: 0 }}>
          {mt('form.readOnly')}
        </Alert>
      ) : null}
      {loaded.restored ? (
        <Alert
          severity="info"
          sx={{ py: 0 }}
          data-testid="martyr-draft-restored"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setLoaded((l) => (l ? { ...l, form: l.baseline, restored: false } : l));
                dropDraft(user.id, id);
              }}
            >
              {mt('form.discardDraft')}
            </Button>
          }
        >
          {mt('form.restoredDraft')}
        </Alert>
      ) : null}
      {actionError && !(dialog?.kind === 'reason' || dialog?.kind === 'return' || dialog?.kind === 'delete') ? (
        <ApiErrorAlert error={actionError} onClose={() => setActionError(null)} />
      ) : null}
      {actionError?.code === 'CONFLICT' && !deleted ? (
        <Box>
          <Button variant="outlined" size="small" onClick={() => {
              setActionError(null);
              setReloadTick((t) => t + 1);
            }} data-testid="martyr-reload">
            {mt('form.conflictReload')}
          </Button>
        </Box>
      ) : null}

      <Box sx={{ flex: 1, minHeight: 0, containerType: 'size', containerName: 'record' }}>
        <Box
          sx={{
            height: '100%',
            display: 'grid',
            gridTemplateColumns: 'minmax(260px, 34%) minmax(0, 1fr)',
            gap: 1.5,
            '@container record (max-width: 900px)': { gridTemplateColumns: '1fr', gridTemplateRows: 'auto minmax(0, 1fr)' },
          }}
        >
          <Box sx={{ minHeight: 0, '@container record (max-width: 900px)': { height: form.scanAttachmentId ? 340 : 'auto' } }}>
            <ScanPanel
              source={source}
              page={form.sourcePage}
              item={form.sourceItem}
              scanAttachmentId={form.scanAttachmentId}
              scanPage={form.scanPage}
              readOnly={readOnly}
              mergedFrom={record?.mergedFrom}
              onScan={onScan}
              turnRef={turnScan}
            />
          </Box>
          <Box sx={{ minHeight: 0, display: 'flex', flexDirection: 'column', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
            <Box data-form-scroll sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 2, pb: 2, pt: 1 }}>
              <form ref={formRef} noValidate onSubmit={(e) => e.preventDefault()} onKeyDown={onFormKeyDown} data-testid="martyr-form" data-dirty={dirty ? 'true' : 'false'}>
                <FormContext.Provider value={ctx}>
                  <MartyrForm
                    nameRef={nameRef}
                    sources={allSources}
                    onSourceCreated={(s) => {
                      setExtraSources((list) => [...list, s]);
                      sources.reload();
                    }}
                    onPicked={(from) => formRef.current && focusNextField(formRef.current, from)}
                    periodNote={autoPeriod && form.period ? mt('form.periodSuggested') : null}
                  />
                </FormContext.Provider>
              </form>
            </Box>
            <SaveBar
              help={review && mayReview ? mt('review.keyboardHelp') : readOnly ? '' : mt('form.keyboardHelp')}
              dirty={dirty}
              busy={busy}
              readOnly={readOnly}
              notice={notice}
              onSave={() => void save('stay')}
              onSaveNext={() => void save('next')}
            />
          </Box>
        </Box>
      </Box>

      {dialog?.kind === 'duplicates' ? (
        <DuplicateDialog
          entered={entered}
          candidates={dialog.candidates}
          busy={busy}
          onClose={() => setDialog(null)}
          onSaveAnyway={() => void create(dialog.mode, form)}
          onMerge={(other) => void createThenMerge(form, other)}
          mergeLabel={mt('merge.saveThenMerge')}
          onOpen={(other) => {
            // The input stays as a draft of the new record: coming back offers it again.
            keepDraft(user.id, null, null, form);
            latest.current.skip = true;
            navigate(`/martyrs/${other}`);
          }}
        />
      ) : null}
      {dialog?.kind === 'mergeWith' && record ? (
        <DuplicateDialog
          entered={entered}
          enteredLabel={mt('merge.keep', { id: record.id })}
          candidates={mergeCandidates}
          busy={busy}
          onClose={() => setDialog(null)}
          onOpen={(other) => leaveTo(`/martyrs/${other}`)}
          onMerge={(other) => leaveTo(`/martyrs/merge/${record.id}/${other}`)}
        />
      ) : null}
      {dialog?.kind === 'reason' ? (
        <ReasonDialog
          title={mt('record.reasonTitle')}
          lead={mt('record.reasonLead')}
          label={mt('record.reason')}
          confirm={mt('record.reasonConfirm')}
          busy={busy}
          error={actionError}
          onClose={() => {
            setDialog(null);
            setActionError(null);
          }}
          onConfirm={(reason) => void update(dialog.mode, form, reason)}
          inputTestId="change-reason"
          confirmTestId="change-reason-confirm"
        />
      ) : null}
      {dialog?.kind === 'return' ? (
        <ReasonDialog
          title={mt('record.returnTitle')}
          lead={mt('record.returnLead')}
          label={mt('record.returnReason')}
          confirm={mt('record.returnConfirm')}
          busy={busy}
          error={actionError}
          onClose={() => {
            setDialog(null);
            setActionError(null);
          }}
          onConfirm={(reason) => void doReturn(reason)}
          inputTestId="return-reason"
          confirmTestId="return-confirm"
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ReasonDialog
          title={mt('record.deleteTitle')}
          lead={mt('record.deleteLead')}
          label={mt('record.deleteReason')}
          confirm={mt('record.deleteConfirm')}
          busy={busy}
          error={actionError}
          danger
          onClose={() => {
            setDialog(null);
            setActionError(null);
          }}
          onConfirm={(reason) => void doDelete(reason)}
          inputTestId="delete-reason"
          confirmTestId="delete-confirm"
        />
      ) : null}
      {dialog?.kind === 'leave' ? <LeaveDialog onStay={() => setDialog(null)} onLeave={() => leaveTo(dialog.to)} /> : null}
      {historyOpen && record ? <HistoryDrawer key={record.version} id={record.id} sources={allSources} onClose={() => setHistoryOpen(false)} /> : null}
    </Box>
  );
}

function SaveBar({ help, dirty, busy, readOnly, notice, onSave, onSaveNext }: { help: string; dirty: boolean; busy: boolean; readOnly: boolean; notice: { text: string; id?: number } | null; onSave: () => void; onSaveNext: () => void }) {
  const mt = useMartyrsT();
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', px: 2, py: 1, borderTop: 1, borderColor: 'divider', bgcolor: '#fafbfc', flexShrink: 0 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        {notice ? (
          <Typography variant="body2" noWrap data-testid="martyr-notice" sx={{ fontWeight: 500, color: 'success.dark' }}>
            {notice.text}
            {notice.id ? (
              <Button size="small" href={`#/martyrs/${notice.id}`} sx={{ ml: 1, py: 0, minWidth: 0 }}>
                {mt('form.open')}
              </Button>
            ) : null}
          </Typography>
        ) : (
          <Typography variant="caption" color="text.secondary" noWrap component="p">
            {help}
          </Typography>
        )}
      </Box>
      {readOnly ? null : (
        <>
          <Typography variant="caption" sx={{ color: dirty ? 'warning.dark' : 'text.disabled', whiteSpace: 'nowrap' }} data-testid="martyr-dirty" data-dirty={dirty ? 'true' : 'false'}>
            {dirty ? `● ${mt('form.dirty')}` : ''}
          </Typography>
          <Tooltip title={mt('form.saveNextHint')}>
            <span>
              <Button variant="outlined" onClick={onSaveNext} disabled={busy} data-testid="martyr-save-next">
                {mt('form.saveNext')}
              </Button>
            </span>
          </Tooltip>
          <Tooltip title={mt('form.saveHint')}>
            <span>
              <Button variant="contained" onClick={onSave} disabled={busy} data-testid="martyr-save">
                {busy ? mt('form.saving') : mt('form.save')}
              </Button>
            </span>
          </Tooltip>
        </>
      )}
    </Stack>
  );
}
