/** Register a source (kind, title, description) or correct one. */
import { useState, type FormEvent } from 'react';
import { Dialog, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { sourceKinds, type Source } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAction } from '../../../lib/useApi';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { FormDialogActions } from '../../../components/FormDialogActions';

type Kind = (typeof sourceKinds)[number];

export function SourceDialog({ source, onClose, onSaved }: { source: Source | null; onClose: () => void; onSaved: (source: Source, created: boolean) => void }) {
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const labels = useMartyrLabels();
  const create = useAction('sources.create');
  const update = useAction('sources.update');
  const [kind, setKind] = useState<Kind>(source?.kind ?? 'printed_roll');
  const [title, setTitle] = useState(source?.title ?? '');
  const [description, setDescription] = useState(source?.description ?? '');
  const [attempted, setAttempted] = useState(false);
  const busy = create.busy || update.busy;
  const missing = title.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) return;
    const saved = source
      ? await update.run({ id: source.id, kind, title: title.trim(), description: description.trim() })
      : await create.run({ kind, title: title.trim(), description: description.trim() });
    if (saved) onSaved(saved, source === null);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="source-form-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="source-form-title">{source ? mt('source.editTitle') : mt('source.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              select
              label={mt('source.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'source-form-kind' }, inputLabel: { shrink: true } }}
            >
              {sourceKinds.map((k) => (
                <option key={k} value={k}>
                  {labels.sourceKind(k)}
                </option>
              ))}
            </TextField>
            <TextField
              autoFocus
              required
              label={mt('source.title')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={attempted && missing}
              helperText={attempted && missing ? mt('source.titleRequired') : mt('source.titleHelp')}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'source-form-title', maxLength: 200 } }}
            />
            <TextField
              multiline
              minRows={2}
              label={mt('source.description')}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'source-form-description', maxLength: 2000 } }}
            />
            <ApiErrorAlert error={create.error ?? update.error} />
          </Stack>
        </DialogContent>
        <FormDialogActions onCancel={onClose} busy={busy} submitLabel={source ? t('common.save') : t('common.create')} submitTestId="source-form-submit" />
      </form>
    </Dialog>
  );
}
