/** A record's status actions (submit, verify, return, delete, restore) and the review queue's "next one"; plain functions over the record page's state. */
import type { Dispatch, SetStateAction } from 'react';
import type { ApiError, Martyr } from '../../../../../shared/contract';
import type { Client } from '../../../client';
import type { MartyrsT } from '../i18n';
import type { ReviewQueue } from '../review/useReviewQueue';
import { setFlash } from './drafts';
import type { Dialog } from './useRecordEditor';

export interface StatusDeps {
  client: Client;
  userId: number;
  mt: MartyrsT;
  record: Martyr | null;
  review: boolean;
  busy: boolean;
  dirty: boolean;
  queue: ReviewQueue;
  setBusy: (busy: boolean) => void;
  setNotice: (notice: { text: string; id?: number } | null) => void;
  setActionError: (error: ApiError | null) => void;
  setDialog: Dispatch<SetStateAction<Dialog>>;
  leaveTo: (path: string) => void;
  reloadDivisions: (m: Martyr) => Promise<void>;
  reload: () => void;
}

export function statusActions({ client, userId, mt, record, review, busy, dirty, queue, setBusy, setNotice, setActionError, setDialog, leaveTo, reloadDivisions, reload }: StatusDeps) {
  const refreshRecord = (m?: Martyr) => {
    if (m) {
      void reloadDivisions(m);
      return;
    }
    reload();
  };

  const goNextInQueue = async (currentId: number, skip: boolean) => {
    const next = await queue.nextAfter(currentId, skip);
    if (next === null) setFlash(userId, mt('review.done'));
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

  return { goNextInQueue, guardDirty, submit, verify, doReturn, doDelete, restore };
}
