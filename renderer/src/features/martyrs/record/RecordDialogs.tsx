/** The record page's dialogs: possible duplicates (before saving a new record, or to merge with), a change / return / delete reason, leaving unsaved input, and the history drawer. */
import { useMartyrsT } from '../i18n';
import { DuplicateDialog } from './DuplicateDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { LeaveDialog, ReasonDialog } from './ReasonDialog';
import type { RecordEditor } from './useRecordEditor';

export function RecordDialogs({ editor }: { editor: RecordEditor }) {
  const mt = useMartyrsT();
  const { dialog, setDialog, busy, form, record, mergeCandidates, actionError, allSources, historyOpen, setHistoryOpen } = editor;
  const { create, createThenMerge, update, doReturn, doDelete, leaveTo, openKeepingDraft, closeReasonDialog } = editor;
  const entered = {
    name: form.unnamed && form.name.trim() === '' ? mt('fields.unnamed') : form.name.trim(),
    birth: form.birthDate,
    death: form.deathDate,
    nativePlace: form.nativePlaceText,
    unitAndPost: form.unitAndPost,
    certificateNo: form.certificateNo,
  };

  return (
    <>
      {dialog?.kind === 'duplicates' ? (
        <DuplicateDialog
          entered={entered}
          candidates={dialog.candidates}
          busy={busy}
          onClose={() => setDialog(null)}
          onSaveAnyway={() => void create(dialog.mode, form)}
          onMerge={(other) => void createThenMerge(form, other)}
          mergeLabel={mt('merge.saveThenMerge')}
          onOpen={openKeepingDraft}
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
          onClose={closeReasonDialog}
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
          onClose={closeReasonDialog}
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
          onClose={closeReasonDialog}
          onConfirm={(reason) => void doDelete(reason)}
          inputTestId="delete-reason"
          confirmTestId="delete-confirm"
        />
      ) : null}
      {dialog?.kind === 'leave' ? <LeaveDialog onStay={() => setDialog(null)} onLeave={() => leaveTo(dialog.to)} /> : null}
      {historyOpen && record ? <HistoryDrawer key={record.version} id={record.id} sources={allSources} onClose={() => setHistoryOpen(false)} /> : null}
    </>
  );
}
