import { Button, DialogActions } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The cancel / submit row of a form dialog: the submit button is the form's own submit. */
export function FormDialogActions({ onCancel, busy, submitLabel, submitTestId }: { onCancel: () => void; busy: boolean; submitLabel: string; submitTestId: string }) {
  const { t } = useTranslation();
  return (
    <DialogActions sx={{ px: 3, pb: 2 }}>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" variant="contained" disabled={busy} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}
