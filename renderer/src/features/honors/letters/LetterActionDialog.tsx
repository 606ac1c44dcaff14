import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { Letter } from '../../../../../shared/contract';
import type { Attachment } from '../../../../../shared/contract/attachments';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DateInput } from '../../../components/DateInput';
import { useAction } from '../../../lib/useApi';
import { useHonorsT } from '../i18n';
import { AttachmentList, FilePicker } from '../FilePicker';
import { localDay } from './localDay';

export type DialogAction = 'deliver' | 'feedback' | 'return' | 'cancel';

/** What a move needs from the user: the delivery (date, who, with whom, photos), the feedback, or a reason. */
export function LetterActionDialog({ letter, action, onClose, onDone }: { letter: Letter; action: DialogAction; onClose: () => void; onDone: (l: Letter) => void }) {
  const ht = useHonorsT();
  const deliver = useAction('letters.deliver');
  const feedback = useAction('letters.feedback');
  const back = useAction('letters.return');
  const cancel = useAction('letters.cancel');
  const [day, setDay] = useState<string | undefined>(localDay());
  const [by, setBy] = useState(letter.deliverers);
  const [withWhom, setWithWhom] = useState('');
  const [textValue, setText] = useState('');
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const busy = deliver.busy || feedback.busy || back.busy || cancel.busy;
  const error = deliver.error ?? feedback.error ?? back.error ?? cancel.error;
  const submit = async () => {
    let done: Letter | undefined;
    if (action === 'deliver' && day) done = await deliver.run({ id: letter.id, deliveredOn: day, deliveredBy: by, deliveredWith: withWhom, note: textValue, photoAttachmentIds: photos.map((p) => p.id) });
    if (action === 'feedback' && day) done = await feedback.run({ id: letter.id, feedbackOn: day, feedback: textValue });
    if (action === 'return') done = await back.run({ id: letter.id, reason: textValue });
    if (action === 'cancel') done = await cancel.run({ id: letter.id, reason: textValue });
    if (done) onDone(done);
  };
  const input = (testId: string) => ({ htmlInput: { 'data-testid': testId }, inputLabel: { shrink: true } });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{ht(`letter.actions.${action}`)}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        {action === 'deliver' || action === 'feedback' ? (
          <DateInput label={action === 'deliver' ? ht('letter.deliveredOn') : ht('letter.feedbackOn')} value={day} onChange={setDay} maxDate={localDay()} testId="letter-action-date" />
        ) : null}
        {action === 'deliver' ? (
          <>
            <TextField size="small" label={ht('letter.deliveredBy')} value={by} onChange={(e) => setBy(e.target.value)} slotProps={input('letter-deliveredBy')} />
            <TextField size="small" label={ht('letter.deliveredWith')} value={withWhom} onChange={(e) => setWithWhom(e.target.value)} slotProps={input('letter-deliveredWith')} />
          </>
        ) : null}
        <TextField
          size="small"
          multiline
          minRows={2}
          label={action === 'deliver' ? ht('letter.note') : action === 'feedback' ? ht('letter.feedback') : ht('letter.reason')}
          value={textValue}
          onChange={(e) => setText(e.target.value)}
          slotProps={input('letter-action-text')}
        />
        {action === 'deliver' ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <AttachmentList items={photos.map((attachment) => ({ attachment }))} testId="letter-new-photos" onRemove={(id) => setPhotos(photos.filter((p) => p.id !== id))} />
            <FilePicker label={ht('letter.addPhoto')} testId="letter-photo-file" accept="image/jpeg,image/png,image/tiff" onStored={(stored) => setPhotos((p) => [...p, ...stored])} />
          </Box>
        ) : null}
        <ApiErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{ht('letter.cancelDialog')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy} data-testid="letter-action-confirm">
          {ht('letter.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
