/**
 * One martyr record: the entry form beside the scan / provenance panel, the status bar with the
 * actions the role allows, and the history. New records are checked for duplicates before they are
 * saved; changes to a record carry its version (a concurrent change is a CONFLICT, shown with a
 * reload); a verified record asks why it is changed.
 *
 * Keyboard: Enter moves to the next field, Ctrl+S saves, Ctrl+Enter saves and starts the next
 * record (same source and page), Esc goes back (asking first if something is unsaved), Alt+K adds
 * a relative, Alt+H opens the history, Alt+PageUp / Alt+PageDown turn the scan, Alt+B draws the
 * record's region on it and Alt+X clears it; reviewers: Alt+V verifies, Alt+R returns, Alt+N skips
 * (review queue). The state lives in useRecordEditor.ts, the dialogs in RecordDialogs.tsx.
 */
import { Alert, Box, Button } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PrintRecordSheetButton } from '../../documents/PrintRecordSheetsButton';
import { formatDateTime } from '../../../lib/format';
import { useMartyrsT } from '../i18n';
import { focusNextField } from '../keyboard';
import { LoadState } from '../LoadState';
import { FormContext } from './fields';
import { MartyrForm } from './MartyrForm';
import { RecordDialogs } from './RecordDialogs';
import { SaveBar } from './SaveBar';
import { ScanPanel } from './ScanPanel';
import { StatusBar } from './StatusBar';
import { useRecordEditor } from './useRecordEditor';

export function RecordPage({ id, review = false }: { id: number | null; review?: boolean }) {
  const mt = useMartyrsT();
  const editor = useRecordEditor(id, review);
  const { mayEdit, mayReview, queue, allSources, addSource, loaded, loadError, record, form, dirty, deleted, readOnly, ctx, autoPeriod, busy, notice } = editor;
  const { actionError, setActionError, dialog, setDialog, setHistoryOpen, mergeCandidates, nameRef, formRef, onFormKeyDown, scanControls, onScan } = editor;
  const { canVerify, canReturn, guardDirty, save, submit, verify, restore, back, goNextInQueue, discardDraft, reloadAfterConflict } = editor;

  if (loadError || !loaded) return <LoadState error={loadError} />;

  const source = allSources.find((s) => s.id === form.sourceId) ?? null;
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
        print={mayEdit && record && !deleted ? <PrintRecordSheetButton martyrId={record.id} unsaved={dirty} /> : null}
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
              onClick={discardDraft}
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
          <Button variant="outlined" size="small" onClick={reloadAfterConflict} data-testid="martyr-reload">
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
              scanRegion={form.scanRegion}
              readOnly={readOnly}
              mergedFrom={record?.mergedFrom}
              onScan={onScan}
              controlsRef={scanControls}
            />
          </Box>
          <Box sx={{ minHeight: 0, display: 'flex', flexDirection: 'column', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
            <Box data-form-scroll sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 2, pb: 2, pt: 1 }}>
              <form ref={formRef} noValidate onSubmit={(e) => e.preventDefault()} onKeyDown={onFormKeyDown} data-testid="martyr-form" data-dirty={dirty ? 'true' : 'false'}>
                <FormContext.Provider value={ctx}>
                  <MartyrForm
                    nameRef={nameRef}
                    sources={allSources}
                    onSourceCreated={addSource}
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

      <RecordDialogs editor={editor} />
    </Box>
  );
}
